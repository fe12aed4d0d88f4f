using System.Text.RegularExpressions;
using FixIt.Domain.Reports;
using Microsoft.Extensions.Localization;

namespace FixIt.Web.Components.Shared;

/// <summary>
/// The words FixIt itself records on a report's timeline ("Confirmed by the reporter.", "Sent to Demo City Council.")
/// in the reader's language. They are stored in English with the event; only these known sentences are looked up,
/// so what residents and operators write is always shown as written.
/// </summary>
internal static partial class TimelineText
{
    private static readonly HashSet<string> Fixed = new(StringComparer.Ordinal)
    {
        "Confirmed by the reporter.",
        "Fixed, according to the reporter.",
        "The reporter confirms it has been fixed.",
        "Still not fixed.",
    };

    // Most specific first: "Reminder sent to X: still open…" before "Reminder sent to X.".
    private static readonly (Regex Pattern, string Key)[] WithData =
    [
        (ReminderAfterFix(), "Reminder sent to {0}: still open after its fix target."),
        (Reminder(), "Reminder sent to {0}."),
        (Escalated(), "Escalated at {0}: no answer after the reminders."),
        (Assigned(), "Assigned by an administrator to {0}."),
        (Duplicate(), "Duplicate of report {0}."),
        (StillNotFixed(), "Still not fixed: {0}"),
        (Sent(), "Sent to {0}."),
    ];

    public static string Of(string text, IStringLocalizer<SharedText> words)
    {
        // An operator's "not ours" note: stored as "Not ours: {reason}", the reason shown as written.
        if (DeclineNote.ReasonOf(text) is { } reason)
        {
            return words["Not ours: {0}", reason];
        }

        if (Fixed.Contains(text))
        {
            return words[text];
        }

        foreach (var (pattern, key) in WithData)
        {
            if (pattern.Match(text) is { Success: true } match)
            {
                return words[key, match.Groups[1].Value];
            }
        }

        return text;
    }

    [GeneratedRegex(@"^Reminder sent to (.+): still open after its fix target\.$", RegexOptions.Singleline, 100)]
    private static partial Regex ReminderAfterFix();

    [GeneratedRegex(@"^Reminder sent to (.+)\.$", RegexOptions.Singleline, 100)]
    private static partial Regex Reminder();

    [GeneratedRegex(@"^Escalated at (.+): no answer after the reminders\.$", RegexOptions.Singleline, 100)]
    private static partial Regex Escalated();

    [GeneratedRegex(@"^Assigned by an administrator to (.+)\.$", RegexOptions.Singleline, 100)]
    private static partial Regex Assigned();

    [GeneratedRegex(@"^Duplicate of report (\d+)\.$", RegexOptions.None, 100)]
    private static partial Regex Duplicate();

    [GeneratedRegex(@"^Still not fixed: (.+)$", RegexOptions.Singleline, 100)]
    private static partial Regex StillNotFixed();

    [GeneratedRegex(@"^Sent to (.+)\.$", RegexOptions.Singleline, 100)]
    private static partial Regex Sent();
}
