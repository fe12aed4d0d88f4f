using System.Text;
using System.Text.RegularExpressions;

namespace FixIt.Domain.Text;

/// <summary>
/// Removes FixIt's own secrets from text about to be published: every link whose path carries a token (confirm,
/// respond, unsubscribe, subscribe, questionnaire, still-not-fixed, update, the Open311 token look-up) and every reply or bounce address with its key.
/// Operators and residents quote FixIt's emails back to it, and one quoted "mark as fixed" link on a public page
/// lets anyone act as the operator. Links are recognised by their path whatever host they name (or none), also
/// percent-encoded inside a wrapper (Outlook SafeLinks, Google's redirect, any number of layers), encoded the way
/// Proofpoint v2 (<c>-3A</c>, <c>_</c> for <c>/</c>) or Sophos (base64 in a parameter) write it, with zero-width or
/// fullwidth characters or backslashes in it, in angle brackets, and when a mail client broke one over two quoted
/// lines. A bare token (43 random base64url characters) is removed wherever it stands, even glued to other word
/// characters, and so is a key (<c>+KEY</c>, or 24 and more base32 letters and digits) whether or not an address's
/// domain follows it. Text its holder splits on purpose is out of reach, and out of scope: the holder can hand the
/// secret to anyone anyway.
/// </summary>
public static partial class SecretLinkScrubber
{
    public const string LinkMarker = "[link removed]";
    public const string AddressMarker = "[address removed]";

    /// <summary>A path token shorter than this is not one of FixIt's (they are 24 or 43 characters).</summary>
    private const int MinTokenLength = 16;

    /// <summary>The longest token FixIt writes (256 bits, base64url): a token this long at a line's end is whole.</summary>
    private const int FullTokenLength = 43;

    public static string Scrub(string text)
    {
        // Every secret link has a '/' (or a backslash, a fullwidth slash, an escape with '%') or a token of
        // characters; every key a '+'. Short text with none of these cannot hold a secret.
        if (text.AsSpan().IndexOfAny(Triggers) < 0 && !HasLongWord(text))
        {
            return text;
        }

        var runs = Run().Matches(text);
        StringBuilder? scrubbed = null;
        var copied = 0;
        for (var i = 0; i < runs.Count; i++)
        {
            var first = i;
            var joined = runs[i].Value;
            while (i + 1 < runs.Count && IsLineBreak(text, runs[i].Index + runs[i].Length, runs[i + 1].Index)
                && ContinuesOnNextLine(joined, runs[i + 1].Value))
            {
                i++;
                joined += runs[i].Value;
            }

            if (MarkerFor(Decode(joined)) is not { } marker)
            {
                continue;
            }

            scrubbed ??= new StringBuilder(text.Length);
            scrubbed.Append(text, copied, runs[first].Index - copied).Append(marker);
            for (var k = first + 1; k <= i; k++)
            {
                // Keep the line break and quote prefix between the pieces of a broken link, drop the pieces.
                var gapStart = runs[k - 1].Index + runs[k - 1].Length;
                scrubbed.Append(text, gapStart, runs[k].Index - gapStart);
            }

            var last = runs[i];
            var trailing = last.Value.Length - last.Value.TrimEnd('.', ',', ';', ':', '!', '?').Length;
            copied = last.Index + last.Length - trailing;
        }

        return scrubbed is null ? text : scrubbed.Append(text, copied, text.Length - copied).ToString();
    }

    private static readonly System.Buffers.SearchValues<char> Triggers = System.Buffers.SearchValues.Create("/\\%@+\uFF0F\uFF3C");

    private static bool HasLongWord(string text) => BareToken().IsMatch(text) || BareKey().IsMatch(text);

    /// <summary>The marker for a run that holds a secret in any of its readings (<see cref="Readings"/>), or null.</summary>
    private static string? MarkerFor(string decoded)
    {
        var key = false;
        foreach (var reading in Readings(decoded))
        {
            foreach (Match match in TokenPath().Matches(reading))
            {
                if (match.Groups["token"].Length >= MinTokenLength)
                {
                    return LinkMarker;
                }
            }

            foreach (Match match in BareToken().Matches(reading))
            {
                if (LooksRandom(match.Value))
                {
                    return LinkMarker;
                }
            }

            key |= KeyTag().IsMatch(reading) || BareKey().Matches(reading).Any(m => LooksLikeKey(m.Value));
        }

        return key ? AddressMarker : null;
    }

    /// <summary>
    /// The ways a reader (or a browser) could read a run: as written with invisible characters dropped, fullwidth forms
    /// and backslashes made ASCII slashes; then each of those with Proofpoint v2's escapes undone, and with every
    /// base64 stretch of 24 or more characters decoded (Sophos and other gateways put the whole link in one), each
    /// read again the same way, a few layers deep.
    /// </summary>
    private static IEnumerable<string> Readings(string run)
    {
        var pending = new Queue<(string Text, int Depth)>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        pending.Enqueue((Plain(run), 0));
        while (pending.Count > 0 && seen.Count < 32)
        {
            var (text, depth) = pending.Dequeue();
            if (!seen.Add(text))
            {
                continue;
            }

            yield return text;
            if (depth >= 4)
            {
                continue;
            }

            if (ProofpointEscape().IsMatch(text) || text.Contains('_', StringComparison.Ordinal))
            {
                var unescaped = ProofpointEscape().Replace(text.Replace('_', '/'),
                    m => ((char)Convert.ToInt32(m.Groups["hex"].Value, 16)).ToString());
                pending.Enqueue((Plain(Decode(unescaped)), depth + 1));
            }

            foreach (Match encoded in Base64Stretch().Matches(text))
            {
                if (FromBase64(encoded.Value) is { } decoded)
                {
                    pending.Enqueue((Plain(Decode(decoded)), depth + 1));
                }
            }
        }
    }

    /// <summary>Drops format characters (zero-width space, soft hyphen, bidi marks), maps fullwidth ASCII to ASCII and '\' to '/'.</summary>
    private static string Plain(string text)
    {
        StringBuilder? plain = null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var mapped = c switch
            {
                '\\' => '/',
                >= '\uFF01' and <= '\uFF5E' => (char)(c - 0xFEE0),
                _ when char.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.Format => '\0',
                _ => c,
            };
            if (mapped != c && plain is null)
            {
                plain = new StringBuilder(text.Length).Append(text, 0, i);
            }

            if (plain is not null && mapped != '\0')
            {
                plain.Append(mapped);
            }
        }

        return plain?.ToString() ?? text;
    }

    private static string? FromBase64(string value)
    {
        var padded = value.Replace('-', '+').Replace('_', '/').TrimEnd('=');
        padded = padded.PadRight(padded.Length + ((4 - (padded.Length % 4)) % 4), '=');
        var bytes = new byte[padded.Length];
        if (!Convert.TryFromBase64String(padded, bytes, out var written))
        {
            return null;
        }

        try
        {
            var decoded = new UTF8Encoding(false, true).GetString(bytes, 0, written);
            return decoded.Contains('/', StringComparison.Ordinal) || decoded.Contains('%', StringComparison.Ordinal) ? decoded : null;
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }

    /// <summary>
    /// A key FixIt wrote is 120 random bits in base32: a run of 24 or more base32 characters holding a digit (2–7) and
    /// a letter is treated as one (a key with no digit at all, 1 in 140, is caught only by its tag).
    /// </summary>
    private static bool LooksLikeKey(string word) =>
        word.Any(c => c is >= '2' and <= '7') && word.Any(char.IsAsciiLetter);

    /// <summary>A token FixIt wrote is 256 random bits: upper and lower case letters and digits all but surely appear.</summary>
    private static bool LooksRandom(string word) =>
        word.Any(char.IsAsciiLetterUpper) && word.Any(char.IsAsciiLetterLower) && word.Any(char.IsAsciiDigit);

    /// <summary>
    /// Whether the next line's first word finishes a link the line ended in: the joined text has a token path
    /// running over the break whose token was not yet whole before it.
    /// </summary>
    private static bool ContinuesOnNextLine(string before, string next)
    {
        var head = Decode(before);
        foreach (Match match in TokenPath().Matches(Decode(before + next)))
        {
            var token = match.Groups["token"];
            if (match.Index < head.Length && match.Index + match.Length > head.Length
                && head.Length - token.Index < FullTokenLength)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Only whitespace, one line break and a quote prefix ("> > ") between two positions.</summary>
    private static bool IsLineBreak(string text, int from, int to)
    {
        var gap = text.AsSpan(from, to - from);
        var newline = gap.IndexOf('\n');
        return newline >= 0 && gap[(newline + 1)..].IndexOf('\n') < 0
            && gap[..newline].TrimEnd('\r').Trim(" \t").IsEmpty
            && gap[(newline + 1)..].IndexOfAnyExcept(" \t>") < 0;
    }

    /// <summary>Percent-escapes undone, layer after layer (a wrapped link inside a wrapped link), at most eight.</summary>
    private static string Decode(string value)
    {
        for (var layer = 0; layer < 8 && value.Contains('%', StringComparison.Ordinal); layer++)
        {
            var decoded = Uri.UnescapeDataString(value);
            if (decoded == value)
            {
                break;
            }

            value = decoded;
        }

        return value;
    }

    // A stretch of text a link can be part of: links end at whitespace, brackets and quotes.
    [GeneratedRegex(@"[^\s<>""'()\[\]{}]+", RegexOptions.CultureInvariant)]
    private static partial Regex Run();

    // FixIt's token routes (src/FixIt.Web: MapGet/MapPost with {token}; /reports/{id}/pending/{token} for an
    // unconfirmed report's secret link); the token is the next path segment.
    [GeneratedRegex(@"(?<![A-Za-z0-9._~-])(?:confirm|respond|unsubscribe|subscribe|pending|questionnaire|still-not-fixed|update|open311/v2/tokens)/(?<token>[A-Za-z0-9_-]*)",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TokenPath();

    // reply+KEY and bounce+KEY (whatever the prefixes are set to, with or without "@domain" after it): a tag of a
    // long base32 key. A reader who has the key has the address.
    [GeneratedRegex(@"\+[A-Za-z2-7]{16,40}(?![A-Za-z0-9])", RegexOptions.CultureInvariant)]
    private static partial Regex KeyTag();

    // A stretch of base64url at least a token long: the token may stand glued to other word characters.
    [GeneratedRegex(@"[A-Za-z0-9_-]{43,}", RegexOptions.CultureInvariant)]
    private static partial Regex BareToken();

    // A stretch of base32 (letters, digits 2-7) at least a key long (keys are 24 characters), glued to anything. Hex
    // (GUIDs, hashes, reference numbers) almost always holds a 0, 1, 8 or 9 within 24 characters, which no key does.
    [GeneratedRegex(@"[A-Za-z2-7]{24,}", RegexOptions.CultureInvariant)]
    private static partial Regex BareKey();

    // Proofpoint v2 writes '%XX' as '-XX' (upper-case hex) and '/' as '_'.
    [GeneratedRegex(@"-(?<hex>[0-9A-F]{2})", RegexOptions.CultureInvariant)]
    private static partial Regex ProofpointEscape();

    // A stretch of base64 or base64url long enough to hold a link.
    [GeneratedRegex(@"[A-Za-z0-9+/_-]{24,}={0,2}", RegexOptions.CultureInvariant)]
    private static partial Regex Base64Stretch();
}
