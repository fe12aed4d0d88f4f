namespace FixIt.Infrastructure.Mail.Inbound;

/// <summary>
/// A header block recognised by its shape: a run of at least three "Label: value" lines whose labels are header
/// names in any language of <see cref="ReplyHeaders.Labels"/> (Outlook's "From:/Sent:/To:/Subject:",
/// "Von:/Gesendet:/An:/Betreff:", "De :/Envoyé :/À :/Objet :" …, also starting with "Date:" or "Sent:", bold
/// "*From:*" as Outlook writes it in plain text), or a sender line with an address and one more field, or a lone
/// sender line over a link.
/// </summary>
internal static class HeaderBlock
{
    private const int MaxLabelLength = 30;

    /// <summary>Lines the block spans from line <paramref name="i"/>; 0 when none starts there.</summary>
    public static int Length(List<string> lines, int i)
    {
        if (!TryParse(lines[i], out var firstLabel, out var firstValue) || !ReplyHeaders.Labels.Contains(firstLabel))
        {
            return 0;
        }

        var fromFirst = ReplyHeaders.FromLabels.Contains(firstLabel);
        if (fromFirst && NextContent(lines, i + 1) is { } next && StartsWithLink(next))
        {
            return 1;
        }

        var fields = 0;
        var last = i;
        for (var j = i; j < lines.Count && j < i + 12; j++)
        {
            if (IsLabelLine(lines[j]))
            {
                fields++;
                last = j;
            }
            else if (j > i && lines[j].Trim().Length > 0 && j + 1 < lines.Count && IsLabelLine(lines[j + 1]))
            {
                continue; // a long recipient list, wrapped
            }
            else
            {
                break;
            }
        }

        var addressed = firstValue.Contains('@', StringComparison.Ordinal) || firstValue.Contains("mailto:", StringComparison.OrdinalIgnoreCase);
        return fields >= 3 || fields == 2 && fromFirst && addressed ? last - i + 1 : 0;
    }

    public static bool IsLabelLine(string line) => TryParse(line, out var label, out _) && ReplyHeaders.Labels.Contains(label);

    /// <summary>"Label: value" with a short label of letters, whatever the language: a field of a header block not listed.</summary>
    public static bool LooksLikeField(string line) =>
        TryParse(line, out var label, out var value) && label.Split(' ').Length <= 3 && (value.Length > 0 || label.Length <= 12);

    public static bool TryParse(string line, out string label, out string value)
    {
        label = value = "";
        var text = line.Trim().TrimStart('*');
        var colon = text.AsSpan(0, Math.Min(text.Length, MaxLabelLength + 4)).IndexOfAny(':', '：');
        if (colon <= 0)
        {
            return false;
        }

        label = text[..colon].Trim().Trim('*').Trim();
        value = text[(colon + 1)..].Trim().Trim('*').Trim();
        return label.Length is > 0 and <= MaxLabelLength && !label.Any(char.IsDigit) && !label.Contains('>', StringComparison.Ordinal);
    }

    private static string? NextContent(List<string> lines, int from)
    {
        for (var j = from; j < lines.Count && j < from + 3; j++)
        {
            if (lines[j].Trim().Length > 0)
            {
                return lines[j].Trim();
            }
        }

        return null;
    }

    private static bool StartsWithLink(string line) =>
        line.TrimStart('<', '[', '(').StartsWith("http://", StringComparison.OrdinalIgnoreCase)
        || line.TrimStart('<', '[', '(').StartsWith("https://", StringComparison.OrdinalIgnoreCase);
}
