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
    /// parts, display names, spaces and control characters, a missing top-level domain, over 254 characters.
    /// </summary>
    public static bool IsDeliverable(string? value)
    {
        if (value is null || value.Length is 0 or > MaxLength)
        {
            return false;
        }

        var at = value.LastIndexOf('@');
        if (at <= 0 || at > MaxLocalLength || at == value.Length - 1)
        {
            return false;
        }

        return IsDotAtom(value.AsSpan(0, at)) && AsciiDomain(value[(at + 1)..]) is not null;
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

    /// <summary>The domain as ASCII labels, or null when it is not a DNS host name with a non-numeric top-level label.</summary>
    private static string? AsciiDomain(string domain)
    {
        if (domain.Length is 0 or > 253 || domain.StartsWith('[') || domain.EndsWith('.') || domain.StartsWith('.'))
        {
            return null;
        }

        string ascii;
        try
        {
            ascii = Idn.GetAscii(domain);
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
            if (label.Length is 0 or > 63 || label[0] == '-' || label[^1] == '-' || !label.All(c => char.IsAsciiLetterOrDigit(c) || c == '-'))
            {
                return null;
            }
        }

        return labels[^1].All(char.IsAsciiDigit) ? null : ascii;
    }
}
