using System.Text;
using FixIt.Application.Common;

namespace FixIt.Web.Features.Open311;

/// <summary>
/// The form reader refuses a form with a control character such as U+0000 in it without saying where; for a
/// URL-encoded form kept in a buffer, this finds the parameter, so the client is told "description: …".
/// </summary>
internal static class UnreadableFormField
{
    private const int MaxBytes = 1024 * 1024;

    /// <summary>"name: 'name' contains a character that is not allowed (U+0000 at position 2).", or null when it cannot be told.</summary>
    public static async Task<string?> FindAsync(HttpRequest request)
    {
        if (!request.Body.CanSeek || request.Body.Length > MaxBytes
            || !string.Equals(request.ContentType?.Split(';')[0].Trim(), "application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        request.Body.Position = 0;
        using var reader = new StreamReader(request.Body, Encoding.UTF8, detectEncodingFromByteOrderMarks: false, leaveOpen: true);
        var body = await reader.ReadToEndAsync(request.HttpContext.RequestAborted);
        foreach (var pair in body.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var name = Decode(equals < 0 ? pair : pair[..equals]);
            var value = equals < 0 ? "" : Decode(pair[(equals + 1)..]);
            if (name is null || value is null)
            {
                return name is null ? "The form could not be read: a parameter name is not valid percent-encoded UTF-8." : $"{name}: the value is not valid percent-encoded UTF-8.";
            }

            var problem = ValidationRules.UnsafeCharacterMessage(name, "A parameter name")
                ?? ValidationRules.UnsafeCharacterMessage(value, $"'{name}'");
            if (problem is not null)
            {
                return $"{(problem.StartsWith("A parameter", StringComparison.Ordinal) ? "form" : name)}: {problem}";
            }
        }

        return null;
    }

    private static string? Decode(string text)
    {
        try
        {
            var decoded = Uri.UnescapeDataString(text.Replace('+', ' '));
            return decoded.Contains('\uFFFD', StringComparison.Ordinal) && !text.Contains('\uFFFD', StringComparison.Ordinal) ? null : decoded;
        }
        catch (UriFormatException)
        {
            return null;
        }
    }
}
