using System.Globalization;

namespace FixIt.Domain.Text;

/// <summary>
/// Text measured and cut the way a person sees it: in text elements (extended grapheme clusters, Unicode UAX #29, as
/// <see cref="StringInfo"/> finds them), so an emoji, a flag, a family joined by U+200D, a letter with its combining
/// marks or a Hangul syllable written as jamo is one character, and no cut ever leaves half of one (or a lone
/// surrogate that becomes U+FFFD). Every length limit on user text and every place that shortens text uses this.
/// </summary>
public static class TextElements
{
    /// <summary>The ellipsis a shortened text ends in (U+2026, one character).</summary>
    public const string Ellipsis = "…";

    /// <summary>How many characters a person sees in the text (0 for null or empty).</summary>
    public static int Count(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return 0;
        }

        var count = 0;
        for (var index = 0; index < text.Length; count++)
        {
            index += StringInfo.GetNextTextElementLength(text, index);
        }

        return count;
    }

    /// <summary>The first <paramref name="maxElements"/> characters of the text, whole; the text itself when it is not longer.</summary>
    public static string Truncate(string text, int maxElements) => Cut(text, maxElements, int.MaxValue);

    /// <summary>
    /// The longest start of the text, in whole characters, that is at most <paramref name="maxLength"/> UTF-16 code
    /// units long: for columns and headers whose limit is in code units.
    /// </summary>
    public static string TruncateToLength(string text, int maxLength) => Cut(text, int.MaxValue, maxLength);

    /// <summary>
    /// The text shortened to at most <paramref name="maxElements"/> characters and <paramref name="maxLength"/> code
    /// units, the ellipsis included: cut after the last space in the second half of what fits (else at a character
    /// boundary), trailing spaces dropped, and <see cref="Ellipsis"/> added. The text itself when it fits.
    /// </summary>
    public static string Shorten(string text, int maxElements, int maxLength = int.MaxValue)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxElements, 2);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLength, 2);
        if (text.Length <= maxLength && Fits(text, maxElements))
        {
            return text;
        }

        var kept = Cut(text, maxElements - 1, maxLength - Ellipsis.Length);
        var space = kept.LastIndexOf(' ');
        if (space > kept.Length / 2)
        {
            kept = kept[..space];
        }

        return string.Concat(kept.AsSpan().TrimEnd(), Ellipsis);
    }

    /// <summary>Whether the text has at most <paramref name="maxElements"/> characters (stops counting once past it).</summary>
    public static bool Fits(string? text, int maxElements) =>
        string.IsNullOrEmpty(text) || text.Length <= maxElements || Cut(text, maxElements, int.MaxValue).Length == text.Length;

    private static string Cut(string text, int maxElements, int maxLength)
    {
        if (text.Length <= maxLength && text.Length <= maxElements)
        {
            return text;
        }

        var end = 0;
        for (var count = 0; end < text.Length && count < maxElements; count++)
        {
            var next = StringInfo.GetNextTextElementLength(text, end);
            if (end + next > maxLength)
            {
                break;
            }

            end += next;
        }

        return end == text.Length ? text : text[..end];
    }
}
