using System.Text.RegularExpressions;
using MimeKit;

namespace FixIt.Infrastructure.Mail.Inbound;

/// <summary>What a delivery failure report says failed.</summary>
public sealed record BounceReport(bool IsBounce, IReadOnlyList<string> FailedRecipients, bool OnlyDelayed);

/// <summary>
/// Recognises delivery failure reports: RFC 3464 multipart/report with a delivery-status part (the failed
/// recipients are read from it), mail that arrived at a VERP bounce address, and the null-sender
/// "undeliverable" notices of servers that do not send a standard report.
/// </summary>
public static partial class BounceDetector
{
    private static readonly BounceReport NotABounce = new(false, [], false);

    public static BounceReport Detect(MimeMessage message, string? envelopeFrom, bool toBounceAddress)
    {
        var status = message.BodyParts.OfType<MessageDeliveryStatus>().FirstOrDefault();
        if (status is not null)
        {
            var failed = new List<string>();
            var delayed = 0;
            foreach (var group in status.StatusGroups.Skip(1))
            {
                var action = group["Action"]?.Trim() ?? "failed";
                if (action.StartsWith("delayed", StringComparison.OrdinalIgnoreCase))
                {
                    delayed++;
                }
                else if (action.StartsWith("failed", StringComparison.OrdinalIgnoreCase))
                {
                    failed.Add(AddressOf(group["Final-Recipient"] ?? group["Original-Recipient"]));
                }
            }

            failed.RemoveAll(string.IsNullOrEmpty);
            return new BounceReport(true, failed, failed.Count == 0 && delayed > 0);
        }

        var nullSender = envelopeFrom is not null && envelopeFrom.Trim('<', '>', ' ').Length == 0;
        var looksLikeBounce = nullSender && message.Subject is { } subject && BounceSubject().IsMatch(subject)
            || message.From.Mailboxes.Any(m => m.LocalPart.Equals("mailer-daemon", StringComparison.OrdinalIgnoreCase));

        // Vacation responders answer the envelope sender (RFC 3834), which VERP makes the bounce address:
        // an out-of-office arriving there is an automatic reply, not a delivery failure.
        if (looksLikeBounce || toBounceAddress && !AutoReplyDetector.IsAutoReply(message))
        {
            return new BounceReport(true, [], false);
        }

        return NotABounce;
    }

    /// <summary>"rfc822; someone@example.org" → "someone@example.org".</summary>
    private static string AddressOf(string? field)
    {
        if (string.IsNullOrWhiteSpace(field))
        {
            return "";
        }

        var value = field.Contains(';', StringComparison.Ordinal) ? field[(field.IndexOf(';', StringComparison.Ordinal) + 1)..] : field;
        return value.Trim().Trim('<', '>').Trim();
    }

    [GeneratedRegex(@"(undeliver|undelivered|delivery (status notification|failure|has failed)|returned mail|mail delivery (failed|failure|subsystem)|failure notice|non[\s\-]?delivery)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex BounceSubject();
}
