using System.Globalization;
using FixIt.Application.Features.Reports.SubmitReport;
using FixIt.Domain.Reports;
using FixIt.Web.Infrastructure.Localization;

namespace FixIt.Web.Features.Reports.SubmitReport;

/// <summary>What the report form holds, as the text the resident typed, so a rejected form comes back as it was.</summary>
public sealed record ReportFormModel(
    string Category = "",
    string Title = "",
    string Description = "",
    string Latitude = "",
    string Longitude = "",
    string Name = "",
    string Email = "",
    bool ShowName = false)
{
    /// <summary>Answers to the chosen category's extra questions, by question code.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Answers { get; init; } = new Dictionary<string, IReadOnlyList<string>>();

    internal static ReportFormModel From(IFormCollection form)
    {
        var category = form["category"].ToString();

        // Each category's questions are named attribute[category][code]: only the chosen category's count.
        var prefix = $"attribute[{category}][";
        var answers = form.Keys
            .Where(k => category.Length > 0 && k.StartsWith(prefix, StringComparison.Ordinal) && k.EndsWith(']') && k.Length > prefix.Length + 1)
            .ToDictionary(k => k[prefix.Length..^1], k => (IReadOnlyList<string>)[.. form[k].Select(v => v ?? "")], StringComparer.Ordinal);
        return new ReportFormModel(
            category,
            form["title"].ToString(),
            form["description"].ToString(),
            form["lat"].ToString().Trim(),
            form["lon"].ToString().Trim(),
            form["name"].ToString(),
            form["email"].ToString(),
            form["showName"].ToString() is "true" or "on")
        {
            Answers = answers,
        };
    }

    /// <summary>The token of the photos kept from a failed submit (<see cref="KeptPhotos"/>), posted back in a hidden field.</summary>
    public string KeptPhotosToken { get; init; } = "";

    /// <summary>The names of those photos, shown so the resident knows they need not choose them again.</summary>
    public IReadOnlyList<string> KeptPhotoNames { get; init; } = [];

    public double? LatitudeValue => Parse(Latitude);

    public double? LongitudeValue => Parse(Longitude);

    public bool HasPin => LatitudeValue is not null && LongitudeValue is not null;

    internal SubmitReportCommand ToCommand(IReadOnlyList<PhotoUpload> photos) =>
        new(NullIfEmpty(Category), NullIfEmpty(Title), NullIfEmpty(Description), LatitudeValue, LongitudeValue,
            NullIfEmpty(Name), NullIfEmpty(Email), null, ShowName)
        {
            Source = EventSource.Web,
            Language = RequestLanguage.Current,
            Photos = photos,
            Attributes = Answers,
        };

    private static double? Parse(string text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value) ? value : null;

    private static string? NullIfEmpty(string text) => string.IsNullOrWhiteSpace(text) ? null : text;
}
