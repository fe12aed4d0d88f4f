using System.Globalization;

namespace FixIt.Application.Common;

/// <summary>
/// What FixIt takes as an email address, and which addresses are one mailbox. One rule for every channel (web form,
/// JSON API, Open311 <c>email</c>, "email me updates", operator contacts).
/// </summary>
public static class EmailAddresses
{
    public const int MaxLength = 254;
    private const int MaxLocalLength = 64;
    private const string AtomSpecials = "!#$%&'*+-/=?^_`{|}~";
    private static readonly IdnMapping Idn = new() { UseStd3AsciiRules = true };

    /// <summary>
    /// A mailbox someone can receive mail at: <c>local@domain</c>, the local part a dot-atom (letters, digits and
    /// <c>!#$%&amp;'*+-/=?^_`{|}~</c>, non-ASCII letters too), the domain a DNS name of at least two labels (IDN
    /// allowed) whose last label is not a number. Refused: domain literals (<c>a@[127.0.0.1]</c>), quoted local
    /// parts, display names, spaces, control and invisible (format) characters, punycode labels that do not decode
    /// to a lower-case name, a missing top-level domain, over 254 characters.
    /// </summary>
    public static bool IsDeliverable(string? value) => Normalize(value) is not null;

    /// <summary>
    /// The one form of an address FixIt stores and sends to: the local part as written and the domain in lower-case
    /// ASCII (<c>Ada@BÜCHER.Example</c> is <c>Ada@xn--bcher-kva.example</c>; fullwidth letters are read as their
    /// ASCII twins). Null when the address is not <see cref="IsDeliverable"/>.
    /// </summary>
    public static string? Normalize(string? value)
    {
        if (value is null || value.Length is 0 or > MaxLength || IndexOfInvisible(value, out _) >= 0)
        {
            return null;
        }

        var at = value.LastIndexOf('@');
        if (at <= 0 || at > MaxLocalLength || at == value.Length - 1 || !IsDotAtom(value.AsSpan(0, at)))
        {
            return null;
        }

        var domain = AsciiDomain(value[(at + 1)..]);
        return domain is null || at + 1 + domain.Length > MaxLength ? null : $"{value[..at]}@{domain}";
    }

    /// <summary>
    /// A domain name as FixIt compares it: lower-case ASCII (punycode for IDN), at least two labels, the last not a
    /// number (<c>BÜCHER.Example</c> is <c>xn--bcher-kva.example</c>). Null when it is not such a name.
    /// </summary>
    public static string? NormalizeDomain(string? value) =>
        value is null || IndexOfInvisible(value, out _) >= 0 ? null : AsciiDomain(value.Trim());

    /// <summary>
    /// The index of the first invisible character — a format character (Unicode category Cf: soft hyphen,
    /// zero-width space and joiners, bidi controls, byte order mark) — and its code point; -1 when there is none.
    /// </summary>
    public static int IndexOfInvisible(string value, out int codePoint)
    {
        for (var i = 0; i < value.Length; i++)
        {
            if (char.GetUnicodeCategory(value, i) == UnicodeCategory.Format)
            {
                codePoint = char.ConvertToUtf32(value, i);
                return i;
            }

            if (char.IsHighSurrogate(value[i]) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                i++;
            }
        }

        codePoint = 0;
        return -1;
    }

    /// <summary>
    /// The mailbox an address delivers to, for counting what FixIt sends to one person: lower-cased, the
    /// <c>+tag</c> of the local part dropped and the domain in its ASCII (punycode) form, so
    /// <c>Victim+1@Example.org</c> and <c>victim@example.org</c> are one mailbox.
    /// </summary>
    public static string MailboxKey(string address)
    {
        var trimmed = address.Trim();
        var at = trimmed.LastIndexOf('@');
        if (at < 0)
        {
            return trimmed.ToLowerInvariant();
        }

        var local = trimmed[..at];
        var plus = local.IndexOf('+', StringComparison.Ordinal);
        if (plus > 0)
        {
            local = local[..plus];
        }

        var domain = trimmed[(at + 1)..];
        return $"{local.ToLowerInvariant()}@{(AsciiDomain(domain) ?? domain).ToLowerInvariant()}";
    }

    /// <summary>
    /// The lower-case hex SHA-256 of the <see cref="MailboxKey"/>: what is stored where FixIt needs to tell mailboxes
    /// apart (daily caps, "me too" counts) without keeping the address.
    /// </summary>
    public static string MailboxHash(string address) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(MailboxKey(address))));

    private static bool IsDotAtom(ReadOnlySpan<char> local)
    {
        if (local[0] == '.' || local[^1] == '.')
        {
            return false;
        }

        for (var i = 0; i < local.Length; i++)
        {
            var c = local[i];
            var ok = c == '.' ? local[i - 1] != '.'
                : char.IsAsciiLetterOrDigit(c) || AtomSpecials.Contains(c, StringComparison.Ordinal)
                    || (c > 0x7F && (char.IsLetterOrDigit(c) || char.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark
                        or UnicodeCategory.SpacingCombiningMark));
            if (!ok)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// The domain as lower-case ASCII labels, or null when it is not a DNS host name with a non-numeric top-level
    /// label. FixIt runs with invariant globalization, where <see cref="IdnMapping"/> only punycodes (no UTS #46
    /// mapping), so the mapping FixIt needs is done here: fullwidth ASCII to ASCII, then lower case.
    /// </summary>
    private static string? AsciiDomain(string domain)
    {
        var mapped = string.Create(domain.Length, domain, static (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                var c = source[i];
                span[i] = char.ToLowerInvariant(c is >= '\uFF01' and <= '\uFF5E' ? (char)(c - 0xFEE0) : c is '\u3002' or '\uFF61' ? '.' : c);
            }
        });
        if (mapped.Length is 0 or > 253 || mapped.StartsWith('[') || mapped.EndsWith('.') || mapped.StartsWith('.')
            || !mapped.All(c => c is '.' or '-' || char.IsAsciiLetterOrDigit(c) || (c > 0x7F && IsLabelLetter(c))))
        {
            return null;
        }

        string ascii;
        try
        {
            ascii = Idn.GetAscii(mapped);
        }
        catch (ArgumentException)
        {
            return null;
        }

        var labels = ascii.Split('.');
        if (labels.Length < 2 || ascii.Length > 253)
        {
            return null;
        }

        foreach (var label in labels)
        {
            if (label.Length is 0 or > 63 || label[0] == '-' || label[^1] == '-' || !label.All(c => char.IsAsciiLetterOrDigit(c) || c == '-')
                || (label.StartsWith("xn--", StringComparison.Ordinal) && !IsPunycode(label)))
            {
                return null;
            }
        }

        return labels[^1].All(char.IsAsciiDigit) ? null : ascii;
    }

    private static bool IsLabelLetter(char c) =>
        char.IsLetterOrDigit(c)
        || char.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark;

    /// <summary>An <c>xn--</c> label that decodes to a lower-case, non-ASCII name of letters, digits, marks and hyphens, and encodes back to itself.</summary>
    private static bool IsPunycode(string label)
    {
        try
        {
            var unicode = Idn.GetUnicode(label);
            return unicode.Length > 0 && unicode.Any(c => c > 0x7F) && string.Equals(unicode, unicode.ToLowerInvariant(), StringComparison.Ordinal)
                && unicode.All(c => c == '-' || char.IsAsciiLetterOrDigit(c) || (c > 0x7F && IsLabelLetter(c)))
                && Idn.GetAscii(unicode) == label;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
