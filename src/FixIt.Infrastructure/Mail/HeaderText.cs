using System.Text;

namespace FixIt.Infrastructure.Mail;

/// <summary>
/// Text bound for a mail header (subject, display name). Validation already refuses control characters,
/// but every channel and every old row passes through here too: no CR or LF can reach a header.
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
        return text.Length <= maxLength ? text : text[..maxLength].TrimEnd() + "…";
    }
}
