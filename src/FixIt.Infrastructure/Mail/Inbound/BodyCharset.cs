using System.Text;
using System.Text.RegularExpressions;
using MimeKit;

namespace FixIt.Infrastructure.Mail.Inbound;

/// <summary>
/// Turns a text part's bytes into text by its charset label, the way browsers do (WHATWG Encoding Standard):
/// iso-8859-1, us-ascii, latin1 and no label mean windows-1252, so Outlook's curly quotes, dashes and € survive;
/// every code page .NET knows is available (the code-pages provider is registered here, before any decoding);
/// bytes that are valid UTF-8 with non-ASCII in them are read as UTF-8 whatever the label says; and, the mirror rule,
/// a part labelled utf-8 whose bytes are not valid UTF-8 is read as windows-1252 (or as Shift_JIS when a strict
/// Shift_JIS decode succeeds and yields kana). An HTML part with no charset parameter is decoded by the charset its
/// own <c>&lt;meta&gt;</c> names in its first 1024 bytes (WHATWG HTML "prescan a byte stream", simplified).
/// Rules and their reasons: docs/email.md, "Inbound charsets".
/// </summary>
public static partial class BodyCharset
{
    /// <summary>How many bytes of an HTML part are searched for a <c>&lt;meta&gt;</c> charset, as browsers do (WHATWG HTML 13.2.3.2).</summary>
    public const int MetaPrescanBytes = 1024;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private static readonly HashSet<string> Windows1252Labels = new(StringComparer.OrdinalIgnoreCase)
    {
        "", "us-ascii", "ascii", "ansi_x3.4-1968", "iso-ir-6", "iso646-us", "us", "cp367", "ibm367", "csascii",
        "iso-8859-1", "iso8859-1", "iso_8859-1", "iso_8859-1:1987", "iso88591", "iso-ir-100", "latin1", "l1",
        "cp819", "ibm819", "csisolatin1", "windows-1252", "cp1252", "x-cp1252",
    };

    static BodyCharset() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>Registers the code-pages provider; hosts call this at start so headers and bodies see every charset.</summary>
    public static void EnsureRegistered()
    {
        // The static constructor has run by the time this returns.
    }

    public static string Decode(TextPart part)
    {
        ArgumentNullException.ThrowIfNull(part);
        if (part.Content is null)
        {
            return "";
        }

        using var bytes = new MemoryStream();
        part.Content.DecodeTo(bytes);
        var raw = bytes.ToArray();
        var label = part.ContentType.Charset;
        if (string.IsNullOrWhiteSpace(label) && part.IsHtml)
        {
            label = MetaCharset(raw);
        }

        return Decode(raw, label);
    }

    /// <summary>
    /// Decodes <paramref name="bytes"/> labelled <paramref name="label"/> (a MIME charset name; null or empty means
    /// none) by the rules above. A byte-order mark (UTF-8 EF BB BF, UTF-16 FF FE or FE FF) chooses the encoding over the
    /// label and is not part of the text: a leading U+FEFF would stop a "Status:" first line being read and be published.
    /// </summary>
    public static string Decode(byte[] bytes, string? label)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        string text;
        if (bytes is [0xFF, 0xFE, ..])
        {
            text = Encoding.Unicode.GetString(bytes, 2, bytes.Length - 2);
        }
        else if (bytes is [0xFE, 0xFF, ..])
        {
            text = Encoding.BigEndianUnicode.GetString(bytes, 2, bytes.Length - 2);
        }
        else if (IsValidUtf8WithNonAscii(bytes))
        {
            text = Encoding.UTF8.GetString(bytes);
        }
        else
        {
            var name = label?.Trim().Trim('"').Trim() ?? "";
            text = IsUtf8Label(name) && bytes.Any(b => b >= 0x80)
                // Not valid UTF-8 under a utf-8 label: a legacy charset mislabelled. Shift_JIS only when it decodes
                // strictly and gives kana (Latin text in windows-1252 practically never does); else windows-1252, which loses no byte.
                ? TryShiftJis(bytes) ?? Encoding.GetEncoding(1252).GetString(bytes)
                : EncodingFor(name).GetString(bytes);
        }

        return text.TrimStart('\uFEFF');
    }

    /// <summary>
    /// The charset an HTML document names for itself in a <c>&lt;meta charset=…&gt;</c> or
    /// <c>&lt;meta http-equiv="Content-Type" content="…; charset=…"&gt;</c> within its first
    /// <see cref="MetaPrescanBytes"/> bytes, or null. As WHATWG HTML says, a UTF-16 label there means UTF-8
    /// (the bytes were read as ASCII to find it) and x-user-defined means windows-1252.
    /// </summary>
    public static string? MetaCharset(byte[] html)
    {
        ArgumentNullException.ThrowIfNull(html);
        var head = Encoding.Latin1.GetString(html, 0, Math.Min(html.Length, MetaPrescanBytes));
        head = CommentPattern().Replace(head, " ");
        foreach (Match meta in MetaPattern().Matches(head))
        {
            var charset = CharsetPattern().Match(meta.Value);
            if (!charset.Success)
            {
                continue;
            }

            var name = charset.Groups["name"].Value;
            if (name.StartsWith("utf-16", StringComparison.OrdinalIgnoreCase))
            {
                return "utf-8";
            }

            if (string.Equals(name, "x-user-defined", StringComparison.OrdinalIgnoreCase))
            {
                return "windows-1252";
            }

            return name;
        }

        return null;
    }

    private static bool IsUtf8Label(string label) =>
        string.Equals(label, "utf-8", StringComparison.OrdinalIgnoreCase) || string.Equals(label, "utf8", StringComparison.OrdinalIgnoreCase);

    private static string? TryShiftJis(byte[] bytes)
    {
        var strict = Encoding.GetEncoding(932, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
        string text;
        try
        {
            text = strict.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return null;
        }

        // Hiragana U+3040–U+309F, katakana U+30A0–U+30FF.
        return text.Any(c => c is >= '\u3040' and <= '\u30FF') ? text : null;
    }

    [GeneratedRegex(@"<!--.*?-->", RegexOptions.Singleline | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex CommentPattern();

    [GeneratedRegex(@"<meta[\s/][^>]*>", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex MetaPattern();

    [GeneratedRegex(@"charset\s*=\s*[""']?\s*(?<name>[A-Za-z0-9_.:\-]+)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex CharsetPattern();

    private static Encoding EncodingFor(string label)
    {
        if (Windows1252Labels.Contains(label))
        {
            return Encoding.GetEncoding(1252);
        }

        try
        {
            return Encoding.GetEncoding(label);
        }
        catch (ArgumentException)
        {
            // An unknown label is read as the web reads it: windows-1252 loses no byte.
            return Encoding.GetEncoding(1252);
        }
    }

    private static bool IsValidUtf8WithNonAscii(byte[] bytes)
    {
        if (!bytes.Any(b => b >= 0x80))
        {
            return false;
        }

        try
        {
            StrictUtf8.GetCharCount(bytes);
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }
}
