using System.Text.RegularExpressions;
using FixIt.Application.Features.Reports.SubmitReport;
using FixIt.Domain.Text;
using FluentValidation;
using FluentValidation.Results;

namespace FixIt.Application.Features.Open311.PostRequest;

/// <summary>How a report's fields are named and derived on the Open311 side.</summary>
public static partial class Open311Fields
{
    private static readonly Dictionary<string, string> Names = new(StringComparer.Ordinal)
    {
        [nameof(SubmitReportCommand.CategoryCode)] = "service_code",
        [nameof(SubmitReportCommand.Title)] = "description",
        [nameof(SubmitReportCommand.Description)] = "description",
        [nameof(SubmitReportCommand.Latitude)] = "lat",
        [nameof(SubmitReportCommand.Longitude)] = "long",
        [nameof(SubmitReportCommand.ReporterName)] = "first_name",
        [nameof(SubmitReportCommand.ReporterEmail)] = "email",
        [nameof(SubmitReportCommand.ReporterPhone)] = "phone",
        [nameof(SubmitReportCommand.DeviceId)] = "device_id",
        [nameof(SubmitReportCommand.AccountId)] = "account_id",
        [nameof(SubmitReportCommand.MediaUrl)] = "media_url",
        [nameof(SubmitReportCommand.Address)] = "address_string",
    };

    /// <summary>The Open311 parameter for a field of the report command; attribute[code] names pass through.</summary>
    public static string NameOf(string propertyName) => Names.GetValueOrDefault(propertyName, propertyName);

    /// <summary>
    /// The report command's failures in Open311 terms. The title comes from the description, so its
    /// failures are dropped when the description has its own.
    /// </summary>
    public static ValidationException Rename(ValidationException e)
    {
        var failures = e.Errors.ToList();
        if (failures.Any(f => f.PropertyName == nameof(SubmitReportCommand.Description)))
        {
            failures.RemoveAll(f => f.PropertyName == nameof(SubmitReportCommand.Title));
        }

        return new ValidationException(failures.Select(f =>
        {
            var name = NameOf(f.PropertyName);
            // The name the message shows, in the request's language (LocalizedMessageFormatter), else the English split name.
            var display = f.FormattedMessagePlaceholderValues?.TryGetValue("PropertyName", out var shown) == true && shown is string s && s.Length > 0
                ? s
                : SplitWords().Replace(f.PropertyName, " $1");
            return new ValidationFailure(name, f.ErrorMessage.Replace($"'{display}'", $"'{name}'", StringComparison.Ordinal));
        }));
    }

    /// <summary>
    /// Open311 has no title; the report's is the description's first line, shortened at a word near the limit
    /// (<see cref="TextLimits.ReportTitle"/>, counted in characters as a person sees them, never cutting one).
    /// Null for a blank description, which validation then names.
    /// </summary>
    public static string? TitleFrom(string? description)
    {
        var line = description?.Split('\n', '\r', '\u2028', '\u2029').FirstOrDefault(l => !string.IsNullOrWhiteSpace(l));
        if (line is null)
        {
            return null;
        }

        line = new string([.. line.Select(c => char.IsControl(c) ? ' ' : c)]).Trim();
        return TextElements.Shorten(TextForm.Nfc(line), TextLimits.ReportTitle.Characters, TextLimits.ReportTitle.StorageLength);
    }

    // FluentValidation's display name of a property: "ReporterEmail" is shown as 'Reporter Email'.
    [GeneratedRegex("(?<=[a-z])([A-Z])")]
    private static partial Regex SplitWords();
}
