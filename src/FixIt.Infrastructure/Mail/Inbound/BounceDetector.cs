using System.Text.RegularExpressions;
using MimeKit;

namespace FixIt.Infrastructure.Mail.Inbound;

/// <summary>
/// What a delivery failure report says failed. IsDeliveryStatus: a standard report (RFC 3464), whose failed
/// recipients were read from it; otherwise a mailer daemon's own notice, which names no one reliably.
/// </summary>
public sealed record BounceReport(bool IsBounce, IReadOnlyList<string> FailedRecipients, bool OnlyDelayed, bool IsDeliveryStatus = false);

/// <summary>
/// Recognises delivery failure reports: an RFC 3464 multipart/report of report-type delivery-status (the failed
/// recipients are read from it), and the notices of mailer daemons that do not send a standard report (from
/// MAILER-DAEMON or postmaster, or with a null envelope sender and a bounce subject). Where a message arrived does
/// not make it a bounce: text saying "could not be delivered" is only text.
/// </summary>
public static partial class BounceDetector
{
    private static readonly BounceReport NotABounce = new(false, [], false);

    public static BounceReport Detect(MimeMessage message, string? envelopeFrom)
    {
        if (message.Body is MultipartReport report
            && string.Equals(report.ReportType, "delivery-status", StringComparison.OrdinalIgnoreCase)
            && report.OfType<MessageDeliveryStatus>().FirstOrDefault() is { } status)
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
            return new BounceReport(true, failed, failed.Count == 0 && delayed > 0, IsDeliveryStatus: true);
        }

        var nullSender = envelopeFrom is not null && envelopeFrom.Trim('<', '>', ' ').Length == 0;
        var fromDaemon = message.From.Mailboxes.Any(m => m.LocalPart.Equals("mailer-daemon", StringComparison.OrdinalIgnoreCase)
            || m.LocalPart.Equals("postmaster", StringComparison.OrdinalIgnoreCase));
        var bounceSubject = message.Subject is { } subject && BounceSubject().IsMatch(subject);

        // A vacation responder answering the envelope sender (RFC 3834) is neither: it is an automatic reply.
        if (fromDaemon || nullSender && bounceSubject)
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
