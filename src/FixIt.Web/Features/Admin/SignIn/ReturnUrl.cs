using System.Text;

namespace FixIt.Web.Features.Admin.SignIn;

/// <summary>
/// Where to send a browser after sign-in: a path on this site, or the default. Whatever arrives (non-ASCII,
/// percent-encoded, "//host", "/\host", "javascript:", control characters, a megabyte of text), the answer is a
/// Location header value that is plain ASCII and cannot leave the site, never an exception.
/// </summary>
internal static class ReturnUrl
{
    public const string Default = "/admin/account";
    public const int MaxLength = 2048;

    private static readonly Uri Probe = new("https://fixit.invalid/");

    public static string LocalPathOrDefault(string? returnUrl, string fallback = Default)
    {
        if (returnUrl is not { Length: > 0 and <= MaxLength } url || url[0] != '/' || (url.Length > 1 && url[1] is '/' or '\\'))
        {
            return fallback;
        }

        var encoded = new StringBuilder(url.Length);
        Span<byte> utf8 = stackalloc byte[4];
        for (var i = 0; i < url.Length;)
        {
            if (Rune.DecodeFromUtf16(url.AsSpan(i), out var rune, out var used) != System.Buffers.OperationStatus.Done
                || Rune.IsControl(rune) || rune.Value is 0x2028 or 0x2029 || Rune.GetUnicodeCategory(rune) == System.Globalization.UnicodeCategory.Format)
            {
                return fallback;
            }

            if (rune.IsAscii && rune.Value > 0x20 && !"\"<>`{}|^".Contains((char)rune.Value, StringComparison.Ordinal))
            {
                encoded.Append((char)rune.Value);
            }
            else
            {
                // Non-ASCII and the characters a URL may not hold are sent percent-encoded (UTF-8), as a browser would.
                var length = rune.EncodeToUtf8(utf8);
                foreach (var b in utf8[..length])
                {
                    encoded.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
                }
            }

            i += used;
        }

        // Belt and braces: resolved against this site, the result must still be on this site.
        var local = encoded.ToString();
        return Uri.TryCreate(Probe, local, out var resolved) && resolved.Scheme == Probe.Scheme && resolved.Authority == Probe.Authority
            ? local
            : fallback;
    }
}
