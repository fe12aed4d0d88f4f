using System.Globalization;
using System.Text.RegularExpressions;
using FixIt.Web.Features.EmailLinks;
using FluentValidation;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Localization;

namespace FixIt.Web.Features.Admin;

/// <summary>
/// What every console form shares (the administrators' and the operator console's): reading a posted form (antiforgery
/// checked, a size limit for uploads) and naming each error by the id of the field it is about, so the error summary
/// (<c>ConsoleErrorSummary</c>) links to it and the field's <c>FieldError</c> shows it.
/// </summary>
internal static partial class ConsoleForms
{
    /// <summary>The form, or null when its antiforgery token is missing or wrong; TooLarge when an upload is past the limit.</summary>
    public static async Task<(IFormCollection? Form, bool TooLarge)> ReadAsync(HttpContext context, IAntiforgery antiforgery, long? uploadLimit,
        CancellationToken cancellationToken)
    {
        if (!context.Request.HasFormContentType)
        {
            return (null, false);
        }

        try
        {
            if (uploadLimit is { } limit)
            {
                if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
                {
                    // Room for the other fields and the multipart framing around the file.
                    size.MaxRequestBodySize = limit + 64 * 1024;
                }

                await context.Request.ReadFormAsync(new FormOptions { MultipartBodyLengthLimit = limit + 64 * 1024 }, cancellationToken);
            }

            var form = await context.Request.ReadFormAsync(cancellationToken);
            if (uploadLimit is { } max && form.Files.Any(f => f.Length > max))
            {
                return (form, true);
            }

            return (await LinkPages.FormIsGenuineAsync(antiforgery, context) ? form : null, false);
        }
        catch (Exception ex) when (ex is InvalidDataException or BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge })
        {
            return (null, true);
        }
    }

    public static string TooLargeMessage(long limit, IStringLocalizer<ConsolePages> l) =>
        l["The file is larger than the limit of {0} MB ({1} bytes).", (limit / 1024.0 / 1024.0).ToString("0.#", CultureInfo.CurrentCulture),
            limit.ToString("N0", CultureInfo.CurrentCulture)];

    /// <summary>A field's trimmed text; null when it is missing or empty.</summary>
    public static string? Text(IFormCollection? form, string name) => form?[name].ToString() is { Length: > 0 } text ? text.Trim() : null;

    /// <summary>
    /// The failures by field: <paramref name="fieldOf"/> turns a use case's property name into the id of the field showing it
    /// (none: the property path is the field's id, as on forms whose fields are named as the command's properties).
    /// </summary>
    public static Dictionary<string, string[]> ErrorsOf(ValidationException ex, Func<string, string>? fieldOf = null) =>
        ex.Errors.GroupBy(f => fieldOf is null ? f.PropertyName : fieldOf(f.PropertyName), StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(f => f.ErrorMessage).Distinct(StringComparer.Ordinal).ToArray(), StringComparer.Ordinal);

    /// <summary>
    /// Blank rows of a list are left out of the command, so <paramref name="rows"/> maps a list's index in the command back
    /// to its row in the form (list name → form row of each command index): "Contacts[0].Email" may be the form's "Contacts[1].Email".
    /// </summary>
    public static Dictionary<string, string[]> ErrorsOf(ValidationException ex, IReadOnlyDictionary<string, IReadOnlyList<int>> rows) =>
        ErrorsOf(ex, property => Indexed().Replace(property, m =>
            rows.TryGetValue(m.Groups[1].Value, out var map) && int.TryParse(m.Groups[2].Value, CultureInfo.InvariantCulture, out var i) && i < map.Count
                ? $"{m.Groups[1].Value}[{map[i].ToString(CultureInfo.InvariantCulture)}]"
                : m.Value));

    /// <summary>
    /// <paramref name="fields"/> renames a use case's property to the field showing it (its name in any case also matches);
    /// a property no field shows goes to <paramref name="fallback"/>.
    /// </summary>
    public static Dictionary<string, string[]> ErrorsOf(ValidationException ex, IReadOnlyDictionary<string, string> fields, string fallback) =>
        ErrorsOf(ex, property => fields.TryGetValue(property, out var named) ? named
            : fields.Values.FirstOrDefault(v => string.Equals(v, property, StringComparison.OrdinalIgnoreCase)) ?? fallback);

    /// <summary>
    /// For a page with several forms, whose field ids are "{form}-{field}" with the field named as its input (camelCase):
    /// "Text" of the answer form is "answer-text"; a failure of the whole command ("") is the form's own ("answer-form").
    /// </summary>
    public static Dictionary<string, string[]> ErrorsOf(ValidationException ex, string form) =>
        ErrorsOf(ex, property => $"{form}-{(property.Length == 0 ? "form" : char.ToLowerInvariant(property[0]) + property[1..])}");

    public static Dictionary<string, string[]> Error(string field, string message) => new(StringComparer.Ordinal) { [field] = [message] };

    /// <summary>A whole number typed in a form field; null (and <paramref name="message"/> for <paramref name="field"/>) when it is not one.</summary>
    public static int? WholeNumber(string text, string field, string message, Dictionary<string, string[]> errors)
    {
        if (int.TryParse(text.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        errors[field] = [message];
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
