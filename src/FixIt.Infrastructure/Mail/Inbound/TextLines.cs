using System.Text;

namespace FixIt.Infrastructure.Mail.Inbound;

/// <summary>Line handling shared by the text stages.</summary>
internal static class TextLines
{
    public static List<string> Split(string text) =>
        [.. text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Split('\n').Select(l => l.TrimEnd())];

    /// <summary>Trims blank lines at both ends and runs of more than one blank line in between.</summary>
    public static string Tidy(IEnumerable<string> lines)
    {
        var builder = new StringBuilder();
        var blank = 0;
        foreach (var raw in lines)
        {
            var line = raw.TrimEnd();
            if (line.Trim().Length == 0)
            {
                blank++;
                continue;
            }

            if (builder.Length > 0)
            {
                builder.Append(blank > 0 ? "\n\n" : "\n");
            }

            blank = 0;
            builder.Append(line);
        }

        return builder.ToString();
    }
}
