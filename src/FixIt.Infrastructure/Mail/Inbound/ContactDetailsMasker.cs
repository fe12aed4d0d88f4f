using System.Text;
using System.Text.RegularExpressions;
using PhoneNumbers;

namespace FixIt.Infrastructure.Mail.Inbound;

/// <summary>
/// Masks email addresses and phone numbers in text that will be published: an operator's reply often
/// carries a direct line or a colleague's address that was never meant for a public page. Phone numbers
/// are found with libphonenumber, which knows every country's numbering plan and leaves dates, reference
/// numbers and amounts alone far better than a pattern would.
/// </summary>
public static partial class ContactDetailsMasker
{
    public const string EmailMask = "[email address removed]";
    public const string PhoneMask = "[phone number removed]";

    private static readonly PhoneNumberUtil Phones = PhoneNumberUtil.GetInstance();

    public static string Mask(string text, string defaultRegion)
    {
        if (text.Length == 0)
        {
            return text;
        }

        var withoutEmails = Email().Replace(text, EmailMask);
        return MaskPhones(withoutEmails, defaultRegion);
    }

    private static string MaskPhones(string text, string defaultRegion)
    {
        // Valid numbers, and also numbers the metadata does not list (a new or reserved range) when they are
        // written like phone numbers: from a "+" or trunk "0", with at least nine digits. Shorter digit runs
        // and "2025/0381"-style references are left alone.
        var matches = Phones.FindNumbers(text, defaultRegion, PhoneNumberUtil.Leniency.POSSIBLE, 10_000)
            .Where(m => Phones.IsValidNumber(m.Number) || LooksDialled(m.RawString))
            .ToList();
        if (matches.Count == 0)
        {
            return text;
        }

        var builder = new StringBuilder(text.Length);
        var position = 0;
        foreach (var match in matches.OrderBy(m => m.Start))
        {
            if (match.Start < position)
            {
                continue;
            }

            builder.Append(text, position, match.Start - position).Append(PhoneMask);
            position = match.Start + match.Length;
        }

        builder.Append(text, position, text.Length - position);
        return builder.ToString();
    }

    private static bool LooksDialled(string raw) =>
        raw.TrimStart('(').StartsWith('+') || raw.TrimStart('(').StartsWith('0') && raw.Count(char.IsAsciiDigit) >= 9 && !raw.Contains('/', StringComparison.Ordinal);

    // Deliberately broad (any local part, any dotted domain): masking a non-address is harmless, publishing
    // one is not. The lengths are RFC 5321's limits, which also keep matching linear on long runs of symbols.
    [GeneratedRegex(@"(mailto:)?[\p{L}\p{N}._%+\-'!#$&*=?^`{|}~]{1,64}@[\p{L}\p{N}\-]{1,63}(\.[\p{L}\p{N}\-]{1,63}){1,10}", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 5000)]
    private static partial Regex Email();
}
