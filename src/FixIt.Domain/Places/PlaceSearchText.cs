using System.Globalization;
using System.Text;

namespace FixIt.Domain.Places;

/// <summary>
/// The one spelling a place name, a postcode and a resident's query are compared in: compatibility-decomposed
/// (UAX #15 NFKD), accents and other combining marks dropped, lower case, apostrophes removed and every other run of
/// non-letters one space. "Sainte-Anne d’Auray" and "sainte anne dauray" meet; so do "LS1 1UA" and "ls1 1ua".
/// The same function makes the stored keys and the query, so every database compares plain ordinal strings (ADR 0120).
/// </summary>
public static class PlaceSearchText
{
    /// <summary>Longest key stored: a query longer than this is cut to it too, so a long exact name still matches.</summary>
    public const int MaxKeyLength = 100;

    /// <summary>A name gives one key per word it could be searched from ("park lane", "lane"), at most this many.</summary>
    public const int MaxWordKeys = 6;

    public static string Normalise(string text)
    {
        string decomposed;
        try
        {
            decomposed = text.Normalize(NormalizationForm.FormKD);
        }
        catch (ArgumentException)
        {
            decomposed = text;
        }

        var builder = new StringBuilder(decomposed.Length);
        var pendingSpace = false;
        foreach (var rune in decomposed.EnumerateRunes())
        {
            var category = Rune.GetUnicodeCategory(rune);
            if (category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark
                || rune.Value is '\'' or '\u2019' or '\u02BC' or '\u2018')
            {
                continue;
            }

            if (!Rune.IsLetterOrDigit(rune))
            {
                pendingSpace = builder.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            AppendFolded(builder, Rune.ToLowerInvariant(rune));
        }

        return builder.Length > MaxKeyLength ? builder.ToString(0, MaxKeyLength).TrimEnd() : builder.ToString();
    }

    /// <summary>A postcode or stop code as one word: "ls1 1ua" is stored and searched as "ls11ua".</summary>
    public static string Compact(string normalised) => normalised.Replace(" ", "", StringComparison.Ordinal);

    /// <summary>The keys a place is found by: its name from each word on, and its code compacted.</summary>
    public static IReadOnlyList<string> Keys(string name, string? code)
    {
        var keys = new List<string>();
        var words = Normalise(name).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i < Math.Min(words.Length, MaxWordKeys); i++)
        {
            var key = string.Join(' ', words[i..]);
            if (!keys.Contains(key))
            {
                keys.Add(key);
            }
        }

        if (!string.IsNullOrWhiteSpace(code) && Compact(Normalise(code)) is { Length: > 0 } compact && !keys.Contains(compact))
        {
            keys.Add(compact);
        }

        return keys;
    }

    /// <summary>
    /// The first string after every string starting with <paramref name="prefix"/>, in code point order (how the
    /// databases' binary collations compare UTF-8): the last character becomes the next code point, skipping the
    /// surrogate range and carrying past U+10FFFF, so the end is never half a surrogate pair.
    /// </summary>
    public static string PrefixEnd(string prefix)
    {
        var runes = prefix.EnumerateRunes().ToList();
        while (runes.Count > 0)
        {
            var last = runes[^1].Value;
            runes.RemoveAt(runes.Count - 1);
            if (last < 0x10FFFF)
            {
                runes.Add(new Rune(last == 0xD7FF ? 0xE000 : last + 1));
                return string.Concat(runes.Select(r => r.ToString()));
            }
        }

        return char.ConvertFromUtf32(0x10FFFF);
    }

    // Letters NFKD leaves whole but readers treat as a base letter and a mark, or as two letters.
    private static void AppendFolded(StringBuilder builder, Rune rune)
    {
        switch (rune.Value)
        {
            case 'ß': builder.Append("ss"); break;
            case 'æ': builder.Append("ae"); break;
            case 'œ': builder.Append("oe"); break;
            case 'ø': builder.Append('o'); break;
            case 'ł': builder.Append('l'); break;
            case 'đ': builder.Append('d'); break;
            case 'ð': builder.Append('d'); break;
            case 'þ': builder.Append("th"); break;
            case 'ı': builder.Append('i'); break;
            default: builder.Append(rune.ToString()); break;
        }
    }
}
