using System.Text;
using MimeKit;

namespace FixIt.Infrastructure.Mail.Inbound;

/// <summary>
/// Turns a text part's bytes into text by its charset label, the way browsers do (WHATWG Encoding Standard):
/// iso-8859-1, us-ascii, latin1 and no label mean windows-1252, so Outlook's curly quotes, dashes and € survive;
/// every code page .NET knows is available (the code-pages provider is registered here, before any decoding);
/// and bytes that are valid UTF-8 with non-ASCII in them are read as UTF-8 whatever the label says.
/// </summary>
public static class BodyCharset
{
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
        return Decode(bytes.ToArray(), part.ContentType.Charset);
    }

    /// <summary>
    /// The bytes as text. A byte-order mark (UTF-8 EF BB BF, UTF-16 FF FE or FE FF) chooses the encoding over the
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
        else
        {
            text = IsValidUtf8WithNonAscii(bytes) ? Encoding.UTF8.GetString(bytes) : EncodingFor(label?.Trim().Trim('"') ?? "").GetString(bytes);
        }

        return text.TrimStart('\uFEFF');
    }

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
