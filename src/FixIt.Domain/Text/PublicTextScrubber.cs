namespace FixIt.Domain.Text;

/// <summary>
/// Text as FixIt may publish it: characters no page, feed or export can hold taken out (<see cref="TextCharacters"/>),
/// composed to Unicode NFC (<see cref="TextForm"/>), bidirectional embedding, override and isolate controls (U+202A–U+202E, U+2066–U+2069; Unicode UAX #9) and U+FEFF (byte-order mark) dropped so
/// that published text reads in the order it was written, and FixIt's own secret links and key addresses replaced by
/// markers (<see cref="SecretLinkScrubber"/>). Applied where public text is created (a report's title and description,
/// every timeline entry, the names of operators, categories, areas and actors) and again where stored text is read, so
/// rows written before a rule existed are safe too.
/// Right-to-left text keeps its letters and the plain marks U+200E/U+200F, which cannot reorder anything.
/// </summary>
public static class PublicTextScrubber
{
    public static string Scrub(string text) =>
        SecretLinkScrubber.Scrub(WithoutDirectionControls(WithoutByteOrderMarks(TextForm.Nfc(TextCharacters.Clean(text)))));

    public static string? ScrubOrNull(string? text) => text is null ? null : Scrub(text);

    /// <summary>
    /// U+FEFF is a byte-order mark or the deprecated "zero width no-break space" (Unicode 3.2 moved that meaning to
    /// U+2060 WORD JOINER): invisible, it only hides inside words and stops a reply's "Status:" line being read.
    /// </summary>
    private static string WithoutByteOrderMarks(string text) => text.Contains('\uFEFF', StringComparison.Ordinal) ? text.Replace("\uFEFF", "", StringComparison.Ordinal) : text;

    private static bool IsDirectionControl(char c) => c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069';

    private static string WithoutDirectionControls(string text) =>
        text.AsSpan().IndexOfAnyInRange('\u202A', '\u202E') < 0 && text.AsSpan().IndexOfAnyInRange('\u2066', '\u2069') < 0
            ? text
            : string.Concat(text.Where(c => !IsDirectionControl(c)));
}
