using System.Text;
using System.Text.RegularExpressions;

namespace FixIt.Domain.Text;

/// <summary>
/// Removes FixIt's own secrets from text about to be published: every link whose path carries a token (confirm,
/// respond, unsubscribe, subscribe, the Open311 token look-up) and every reply or bounce address with its key.
/// Operators and residents quote FixIt's emails back to it, and one quoted "mark as fixed" link on a public page
/// lets anyone act as the operator. Links are recognised by their path whatever host they name (or none), also
/// percent-encoded inside a wrapper (Outlook SafeLinks, Google's redirect), in angle brackets, and when a mail
/// client broke one over two quoted lines.
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
        // Every secret link has a '/' (or its escape, with '%'); every key address an '@'.
        if (text.AsSpan().IndexOfAny('/', '%', '@') < 0)
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

    private static string? MarkerFor(string decoded)
    {
        foreach (Match match in TokenPath().Matches(decoded))
        {
            if (match.Groups["token"].Length >= MinTokenLength)
            {
                return LinkMarker;
            }
        }

        return KeyAddress().IsMatch(decoded) ? AddressMarker : null;
    }

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

    /// <summary>Percent-escapes undone, up to three layers deep (a wrapped link inside a wrapped link).</summary>
    private static string Decode(string value)
    {
        for (var layer = 0; layer < 3 && value.Contains('%', StringComparison.Ordinal); layer++)
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
    [GeneratedRegex(@"(?<![A-Za-z0-9._~-])(?:confirm|respond|unsubscribe|subscribe|pending|open311/v2/tokens)/(?<token>[A-Za-z0-9_-]*)",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TokenPath();

    // reply+KEY@… and bounce+KEY@… (whatever the prefixes are set to): a local part tagged with a long base32 key.
    [GeneratedRegex(@"[A-Za-z0-9._%'-]+\+[A-Za-z2-7]{16,40}@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+", RegexOptions.CultureInvariant)]
    private static partial Regex KeyAddress();
}
