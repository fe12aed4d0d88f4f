using FluentValidation;
using FluentValidation.Results;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace FixIt.Web.Features.Reports.SubmitReport;

/// <summary>
/// The command's validation failures as the web form says them: by the form's own labels ("Your email"), not the
/// command's property names ("Reporter Email"), and a missing answer as what to do about it. The JSON API and Open311
/// keep the property names their clients send. Labels and messages are in the request's language, from
/// <c>Resources/Features/Reports/SubmitReport/ReportFormText(.cy).resx</c> (English text as the key): a static
/// localizer, as the update form (AddUpdate) uses these rules too without a localizer of its own.
/// </summary>
internal static class ReportFormErrors
{
    private static readonly IStringLocalizer Words = new ResourceManagerStringLocalizerFactory(
        Options.Create(new LocalizationOptions { ResourcesPath = "Resources" }), NullLoggerFactory.Instance).Create(typeof(ReportFormText));

    /// <summary>The form's words <paramref name="key"/> (English) in the current UI culture.</summary>
    public static string Text(string key, params object[] arguments) => Words[key, arguments];

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

    public static void Add(ValidationException exception, Dictionary<string, string[]> errors)
    {
        foreach (var group in exception.Errors.GroupBy(e => Field(e.PropertyName)))
        {
            errors[group.Key] = [.. group.Select(e => Message(group.Key, e)).Distinct()];
        }
    }

    private static string Message(string field, ValidationFailure failure)
    {
        if (!Fields.TryGetValue(field, out var words))
        {
            return failure.ErrorMessage;
        }

        if (failure.ErrorCode is "NotEmptyValidator" or "NotNullValidator")
        {
            return Text(words.WhenMissing);
        }

        // FluentValidation wrote the property's display name into the message; the resident knows the field by its label.
        return failure.FormattedMessagePlaceholderValues?.TryGetValue("PropertyName", out var shown) == true && shown is string name && name.Length > 0
            ? failure.ErrorMessage.Replace(name, Text(words.Label), StringComparison.Ordinal)
            : failure.ErrorMessage;
    }
}
