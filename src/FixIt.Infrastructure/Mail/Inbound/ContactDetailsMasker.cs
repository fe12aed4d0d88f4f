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
        // Valid numbers only: a possible-but-invalid digit run is more likely a reference than a phone.
        var matches = Phones.FindNumbers(text, defaultRegion, PhoneNumberUtil.Leniency.VALID, 10_000).ToList();
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

    // Deliberately broad (any local part, any dotted domain): masking a non-address is harmless, publishing one is not.
    [GeneratedRegex(@"(mailto:)?[\p{L}\p{N}._%+\-'!#$&*=?^`{|}~]+@[\p{L}\p{N}\-]+(\.[\p{L}\p{N}\-]+)+", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Email();
}
