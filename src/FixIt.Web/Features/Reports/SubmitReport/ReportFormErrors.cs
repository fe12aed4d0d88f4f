using FluentValidation;
using FluentValidation.Results;
using Microsoft.Extensions.Localization;

namespace FixIt.Web.Features.Reports.SubmitReport;

/// <summary>
/// The command's validation failures as the web form says them: by the form's own labels ("Your email"), not the
/// command's property names ("Reporter Email"), and a missing answer as what to do about it. The JSON API and Open311
/// keep the property names their clients send. Labels and "what to do" messages are English keys of
/// <see cref="ReportPages"/>, said in the reader's language when a localizer is given.
/// </summary>
internal static class ReportFormErrors
{
    private static readonly Dictionary<string, (string Label, string WhenMissing)> Fields = new(StringComparer.Ordinal)
    {
        ["categoryCode"] = ("What kind of problem?", "Choose what kind of problem it is."),
        ["title"] = ("Title", "Give the report a title."),
        ["description"] = ("Details", "Describe the problem in Details."),
        ["latitude"] = ("Latitude", "Enter the latitude, or place the pin on the map."),
        ["longitude"] = ("Longitude", "Enter the longitude, or place the pin on the map."),
        ["reporterName"] = ("Your name", "Enter your name."),
        ["reporterEmail"] = ("Your email", "Enter your email address, so we can send you the link to confirm the report."),
        ["photos"] = ("Photos", "Check the photos."),
    };

    /// <summary>The form field a command property is shown at (the keys FieldError and the form use).</summary>
    public static string Field(string propertyName) => propertyName switch
    {
        "" => "body",
        _ when propertyName.StartsWith("Photos", StringComparison.Ordinal) => "photos",
        _ => System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(propertyName),
    };

    public static void Add(ValidationException exception, Dictionary<string, string[]> errors) => Add(exception, errors, null);

    public static void Add(ValidationException exception, Dictionary<string, string[]> errors, IStringLocalizer<ReportPages>? text)
    {
        foreach (var group in exception.Errors.GroupBy(e => Field(e.PropertyName)))
        {
            errors[group.Key] = [.. group.Select(e => Message(group.Key, e, text)).Distinct()];
        }
    }

    private static string Message(string field, ValidationFailure failure, IStringLocalizer<ReportPages>? text)
    {
        if (!Fields.TryGetValue(field, out var words))
        {
            return failure.ErrorMessage;
        }

        if (failure.ErrorCode is "NotEmptyValidator" or "NotNullValidator")
        {
            return text?[words.WhenMissing] ?? words.WhenMissing;
        }

        // FluentValidation wrote the property's display name into the message; the resident knows the field by its label.
        return failure.FormattedMessagePlaceholderValues?.TryGetValue("PropertyName", out var shown) == true && shown is string name && name.Length > 0
            ? failure.ErrorMessage.Replace(name, text?[words.Label] ?? words.Label, StringComparison.Ordinal)
            : failure.ErrorMessage;
    }
}
