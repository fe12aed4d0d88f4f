using System.Globalization;
using System.Text;

namespace FixIt.Infrastructure.Mail.Inbound;

/// <summary>
/// The lines of the emails FixIt itself sent to the author of a reply about that report (from the outbox), so that
/// a quote of them is recognised whatever client or language quoted it. Lines are compared as words: lower-case
/// letters and digits, with quote markers, punctuation, URLs and email addresses left out (a client may rewrap,
/// re-punctuate or turn links into "text &lt;url&gt;"; an HTML part rendered as text loses the colons of its
/// table). A line of four words or more is FixIt's when each run of three of its words is in a sent line (a
/// rewrapped piece of a long line is one); a shorter line only when it is a whole sent line of some length ("In
/// progress" alone could be an answer).
/// </summary>
public sealed class SentMailText
{
    /// <summary>Nothing known to have been sent: no line is FixIt's.</summary>
    public static readonly SentMailText None = new([]);

    private const int MaxSentChars = 200_000;

    /// <summary>Characters (of the words joined by spaces) a line of fewer than four words needs to count as FixIt's.</summary>
    private const int MinShortLine = 15;

    private readonly HashSet<string> _lines = new(StringComparer.Ordinal);
    private readonly HashSet<string> _pieces = new(StringComparer.Ordinal);
    private readonly HashSet<string> _trigrams = new(StringComparer.Ordinal);
    private readonly HashSet<string> _links = new(StringComparer.OrdinalIgnoreCase);

    private SentMailText(IEnumerable<string> texts)
    {
        var total = 0;
        foreach (var text in texts)
        {
            total += text.Length;
            if (total > MaxSentChars)
            {
                break;
            }

            foreach (var line in TextLines.Split(text))
            {
                Add(Words(line));
                foreach (var token in line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
                {
                    if (token.Contains("://", StringComparison.Ordinal))
                    {
                        _links.Add(Link(token));
                    }
                }
            }
        }
    }

    public bool IsEmpty => _lines.Count == 0;

    /// <summary>From the text bodies and HTML bodies (rendered as text) of sent emails.</summary>
    public static SentMailText From(IEnumerable<string> texts) => new(texts);

    public static SentMailText FromBodies(IEnumerable<(string Text, string Html)> bodies) =>
        new(bodies.SelectMany(b => new[] { b.Text, b.Html.Length == 0 ? "" : HtmlToText.Convert(b.Html) }));

    /// <summary>Whether the line (quote markers and all) repeats words FixIt sent.</summary>
    public bool Contains(string line)
    {
        if (_lines.Count == 0)
        {
            return false;
        }

        var words = Words(line);
        if (words.Count == 0)
        {
            return false;
        }

        if (words.Count < 4)
        {
            // "Fixed" or "In progress" may be a line of FixIt's and also a whole answer: short lines need length.
            var joined = string.Join(' ', words);
            return joined.Length >= MinShortLine && _lines.Contains(joined);
        }

        for (var i = 0; i + 3 <= words.Count; i++)
        {
            if (!_trigrams.Contains(Trigram(words, i)))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Whether the line holds nothing but one link FixIt sent (angle brackets and quote markers aside).</summary>
    public bool IsOwnLink(string line)
    {
        var token = line.Trim().TrimStart('>', '|', ' ');
        return token.Length > 0 && !token.Any(char.IsWhiteSpace) && token.Contains("://", StringComparison.Ordinal) && _links.Contains(Link(token));
    }

    private static string Link(string token) => token.Trim('<', '>', '(', ')', '"', '.', ',', ';');

    /// <summary>
    /// Whether the line is a whole line FixIt sent or the start or end of one, however short: only asked of the
    /// unmarked tail of a quoted line that a client wrapped.
    /// </summary>
    public bool ContainsPiece(string line)
    {
        var joined = string.Join(' ', Words(line));
        return joined.Length > 0 && (_lines.Contains(joined) || _pieces.Contains(joined) || Contains(line));
    }

    private void Add(List<string> words)
    {
        if (words.Count == 0)
        {
            return;
        }

        _lines.Add(string.Join(' ', words));
        for (var n = 1; n <= Math.Min(3, words.Count - 1); n++)
        {
            _pieces.Add(string.Join(' ', words.Take(n)));
            _pieces.Add(string.Join(' ', words.Skip(words.Count - n)));
        }

        for (var i = 0; i + 3 <= words.Count; i++)
        {
            _trigrams.Add(Trigram(words, i));
        }
    }

    private static string Trigram(List<string> words, int i) => string.Concat(words[i], " ", words[i + 1], " ", words[i + 2]);

    /// <summary>Letters and digits only, lower-case; URLs (anything with "://" or "www.") and addresses (with "@") left out.</summary>
    internal static List<string> Words(string line)
    {
        var words = new List<string>();
        foreach (var raw in line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            if (raw.Contains("://", StringComparison.Ordinal) || raw.Contains('@', StringComparison.Ordinal)
                || raw.StartsWith("www.", StringComparison.OrdinalIgnoreCase) || raw.StartsWith("<www.", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var word = new StringBuilder(raw.Length);
            foreach (var c in raw)
            {
                if (char.IsLetterOrDigit(c))
                {
                    word.Append(char.ToLower(c, CultureInfo.InvariantCulture));
                }
                else if (word.Length > 0 && !char.IsLetterOrDigit(c) && c is not '\'' and not '’' and not '-')
                {
                    words.Add(word.ToString());
                    word.Clear();
                }
            }

            if (word.Length > 0)
            {
                words.Add(word.ToString());
            }
        }

        return words;
    }
}
