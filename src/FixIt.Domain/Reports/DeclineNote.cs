namespace FixIt.Domain.Reports;

/// <summary>
/// The public note an operator's "not ours" leaves on the timeline: stored as "Not ours: {reason}" (as every earlier
/// row is), and worded in the reader's language where it is shown (pages, feeds, emails) from the reason alone.
/// </summary>
public static class DeclineNote
{
    public const string Prefix = "Not ours: ";

    /// <summary>The stored text of the note.</summary>
    public static string Text(string reason) => Prefix + reason;

    /// <summary>The reason of an operator's "not ours" note, or null for any other event.</summary>
    public static string? ReasonOf(ReportEvent entry) =>
        entry is { Kind: ReportEventKind.Note, ActorKind: ActorKind.Operator, PublicText: { } text } ? ReasonOf(text) : null;

    /// <summary>The reason in a stored note's text, or null when the text is not a "not ours" note.</summary>
    public static string? ReasonOf(string? text) =>
        text is not null && text.StartsWith(Prefix, StringComparison.Ordinal) && text.Length > Prefix.Length ? text[Prefix.Length..] : null;
}
