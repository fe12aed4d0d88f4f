using System.Globalization;
using FixIt.Application.Features.Reports.SubmitReport;
using FixIt.Domain.Reports;

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
    internal static ReportFormModel From(IFormCollection form) => new(
        form["category"].ToString(),
        form["title"].ToString(),
        form["description"].ToString(),
        form["lat"].ToString().Trim(),
        form["lon"].ToString().Trim(),
        form["name"].ToString(),
        form["email"].ToString(),
        form["showName"].ToString() is "true" or "on");

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
            Photos = photos,
        };

    private static double? Parse(string text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value) ? value : null;

    private static string? NullIfEmpty(string text) => string.IsNullOrWhiteSpace(text) ? null : text;
}
