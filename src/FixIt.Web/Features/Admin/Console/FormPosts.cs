using System.Globalization;
using FixIt.Web.Features.EmailLinks;
using FluentValidation;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.Features;

namespace FixIt.Web.Features.Admin.Console;

/// <summary>What the console's form endpoints share: reading a form (with a size limit for uploads) and naming errors by field.</summary>
internal static class FormPosts
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

    public static string TooLargeMessage(long limit) =>
        string.Create(CultureInfo.InvariantCulture, $"The file is larger than the limit of {limit / 1024.0 / 1024.0:0.#} MB ({limit:N0} bytes).");

    /// <summary>Validation failures by form field: <paramref name="fields"/> renames a use case's property to the field showing it.</summary>
    public static Dictionary<string, string[]> Errors(ValidationException ex, IReadOnlyDictionary<string, string> fields, string fallback)
    {
        var errors = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var failure in ex.Errors)
        {
            var field = fields.TryGetValue(failure.PropertyName, out var named) ? named
                : fields.Values.FirstOrDefault(v => string.Equals(v, failure.PropertyName, StringComparison.OrdinalIgnoreCase)) ?? fallback;
            if (!errors.TryGetValue(field, out var list))
            {
                errors[field] = list = [];
            }

            list.Add(failure.ErrorMessage);
        }

        return errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal);
    }

    public static Dictionary<string, string[]> Error(string field, string message) => new(StringComparer.Ordinal) { [field] = [message] };

    public static string? Text(IFormCollection? form, string name) => form?[name].ToString() is { Length: > 0 } text ? text.Trim() : null;
}
