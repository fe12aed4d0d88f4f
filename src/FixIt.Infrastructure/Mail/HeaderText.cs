using System.Text;
using FixIt.Domain.Text;

namespace FixIt.Infrastructure.Mail;

/// <summary>
/// Text bound for a mail header (subject, display name). Validation already refuses control characters,
/// but every channel and every old row passes through here too: no CR or LF can reach a header. Long text is shortened
/// to at most <c>maxLength</c> UTF-16 code units (the column's size), the ellipsis included, never inside a character
/// (<see cref="TextElements"/>).
/// </summary>
internal static class HeaderText
{
    public static string SingleLine(string? value, int maxLength = 200)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "";
        }

        var builder = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            var clean = char.IsControl(c) || c is '\u2028' or '\u2029' ? ' ' : c;
            if (clean != ' ' || (builder.Length > 0 && builder[^1] != ' '))
            {
                builder.Append(clean);
            }
        }

        var text = builder.ToString().Trim();
        return TextElements.Shorten(text, maxLength, maxLength);
    }
}
