using System.Buffers;
using System.Text;

namespace FixIt.Domain.Text;

/// <summary>
/// The characters no text FixIt keeps or publishes may hold: control characters other than tab, line feed and
/// carriage return (C0, DEL, C1), Unicode noncharacters (U+FDD0–U+FDEF, U+nFFFE, U+nFFFF) and unpaired surrogates.
/// XML cannot carry most of them at all (one in a title made every XML list answer 500), and none of them is
/// something a person meant to write.
/// </summary>
public static class TextCharacters
{
    /// <summary>Whether a code point may not appear in stored or published text.</summary>
    public static bool IsUnsafe(int codePoint) =>
        codePoint is < 0x20 and not ('\t' or '\n' or '\r')
        || codePoint is >= 0x7F and <= 0x9F
        || codePoint is >= 0xFDD0 and <= 0xFDEF
        || (codePoint & 0xFFFE) == 0xFFFE
        || codePoint is >= 0xD800 and <= 0xDFFF;

    // Every unsafe character of the Basic Multilingual Plane that is not a surrogate, for a vectorised first look:
    // stored text is read through this on every page and export.
    private static readonly SearchValues<char> UnsafeBmp = SearchValues.Create(
        [.. Enumerable.Range(0, 0x10000).Where(c => c is < 0xD800 or > 0xDFFF && IsUnsafe(c)).Select(c => (char)c)]);

    /// <summary>The index of the first unsafe character and its code point (a lone surrogate's own value); -1 when there is none.</summary>
    public static int IndexOfUnsafe(ReadOnlySpan<char> text, out int codePoint)
    {
        var plain = text.IndexOfAny(UnsafeBmp);
        var surrogate = text.IndexOfAnyInRange('\uD800', '\uDFFF');
        if (surrogate < 0 || plain >= 0 && plain < surrogate)
        {
            codePoint = plain < 0 ? 0 : text[plain];
            return plain;
        }

        // From the first surrogate on, pairs are decoded: a paired one may still be a noncharacter (U+1FFFE).
        var index = surrogate;
        while (index < text.Length)
        {
            var status = Rune.DecodeFromUtf16(text[index..], out var rune, out var consumed);
            codePoint = status == OperationStatus.Done ? rune.Value : text[index];
            if (status != OperationStatus.Done || IsUnsafe(codePoint))
            {
                return index;
            }

            index += consumed;
        }

        codePoint = 0;
        return -1;
    }

    /// <summary>"U+0001", for messages that must name a character without printing it.</summary>
    public static string Describe(int codePoint) => $"U+{codePoint:X4}";

    /// <summary>
    /// The text with unsafe characters removed, and vertical tab, form feed and NEL (U+0085) turned into line feeds: for text that cannot be refused (an email already received, a row already
    /// stored) and for writers whose format cannot hold such characters.
    /// </summary>
    public static string Clean(string text)
    {
        var first = IndexOfUnsafe(text, out _);
        if (first < 0)
        {
            return text;
        }

        var builder = new StringBuilder(text.Length);
        builder.Append(text, 0, first);
        var index = first;
        while (index < text.Length)
        {
            var status = Rune.DecodeFromUtf16(text.AsSpan(index), out var rune, out var consumed);
            if (status == OperationStatus.Done)
            {
                if (IsOtherLineBreak(rune.Value))
                {
                    builder.Append('\n');
                }
                else if (!IsUnsafe(rune.Value))
                {
                    builder.Append(text, index, consumed);
                }
            }

            index += Math.Max(consumed, 1);
        }

        return builder.ToString();
    }

    private static bool IsOtherLineBreak(int codePoint) => codePoint is '\v' or '\f' or 0x85;
}
