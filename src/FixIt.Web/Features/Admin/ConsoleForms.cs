using System.Globalization;
using System.Text.RegularExpressions;
using FluentValidation;

namespace FixIt.Web.Features.Admin;

/// <summary>
/// What the console's forms share: form fields are named as the command's properties ("Contacts[1].Email"), so a
/// validation failure names the field it is about, and the error summary links to it.
/// </summary>
internal static partial class ConsoleForms
{
    /// <summary>
    /// The failures by field. Blank rows of a list are left out of the command, so <paramref name="rows"/> maps a
    /// list's index in the command back to its row in the form (list name → form row of each command index).
    /// </summary>
    public static Dictionary<string, string[]> ErrorsOf(ValidationException ex, IReadOnlyDictionary<string, IReadOnlyList<int>>? rows = null)
    {
        var errors = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var failure in ex.Errors)
        {
            var field = Indexed().Replace(failure.PropertyName, m =>
                rows is not null && rows.TryGetValue(m.Groups[1].Value, out var map) && int.TryParse(m.Groups[2].Value, CultureInfo.InvariantCulture, out var i)
                && i < map.Count
                    ? $"{m.Groups[1].Value}[{map[i].ToString(CultureInfo.InvariantCulture)}]"
                    : m.Value);
            if (!errors.TryGetValue(field, out var list))
            {
                errors[field] = list = [];
            }

            list.Add(failure.ErrorMessage);
        }

        return errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal);
    }

    /// <summary>A whole number typed in a form field; null (and an error for <paramref name="field"/>) when it is not one.</summary>
    public static int? WholeNumber(string text, string field, string label, Dictionary<string, string[]> errors)
    {
        if (int.TryParse(text.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        errors[field] = [$"{label} must be a whole number."];
        return null;
    }

    /// <summary>Adds <paramref name="more"/> to <paramref name="errors"/>, keeping the first message for a field already there.</summary>
    public static Dictionary<string, string[]> Merge(Dictionary<string, string[]> errors, Dictionary<string, string[]> more)
    {
        foreach (var (field, messages) in more)
        {
            errors.TryAdd(field, messages);
        }

        return errors;
    }

    [GeneratedRegex(@"^(\w+)\[(\d+)\]")]
    private static partial Regex Indexed();
}
