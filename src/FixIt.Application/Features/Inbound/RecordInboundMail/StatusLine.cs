using System.Text.RegularExpressions;
using FixIt.Domain.Reports;

namespace FixIt.Application.Features.Inbound.RecordInboundMail;

/// <summary>
/// An operator may start a reply with a line such as "Status: fixed" to change the status as well.
/// "Not ours" is deliberately absent: it re-routes the report and needs the reason form behind the email link.
/// </summary>
public static partial class StatusLine
{
    private static readonly Dictionary<string, ReportStatus> Words = new(StringComparer.OrdinalIgnoreCase)
    {
        ["acknowledged"] = ReportStatus.Acknowledged,
        ["acknowledge"] = ReportStatus.Acknowledged,
        ["inprogress"] = ReportStatus.InProgress,
        ["actionscheduled"] = ReportStatus.ActionScheduled,
        ["scheduled"] = ReportStatus.ActionScheduled,
        ["fixed"] = ReportStatus.Fixed,
        ["unabletofix"] = ReportStatus.UnableToFix,
        ["duplicate"] = ReportStatus.Duplicate,
        ["closed"] = ReportStatus.Closed,
    };

    /// <summary>Splits off a leading status line. Returns the status word as written when there was a status line at all.</summary>
    public static (string? Written, ReportStatus? Status, string Remainder) Split(string text)
    {
        var trimmed = text.TrimStart();
        var end = trimmed.IndexOf('\n', StringComparison.Ordinal);
        var first = (end < 0 ? trimmed : trimmed[..end]).Trim();
        var match = StatusPattern().Match(first);
        if (!match.Success)
        {
            return (null, null, text);
        }

        var written = match.Groups["value"].Value.Trim();
        var key = string.Concat(written.Where(char.IsLetter));
        var rest = end < 0 ? "" : trimmed[(end + 1)..].Trim();
        return (written, Words.TryGetValue(key, out var status) ? status : null, rest);
    }

    [GeneratedRegex(@"^\*?status\*?\s*:\*?\s*(?<value>[\p{L} _\-]{1,40}?)\s*[.!]?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex StatusPattern();
}
