using System.Globalization;
using FixIt.Application.Features.Alerts.CreateAlert;
using FixIt.Domain.Alerts;
using FluentValidation;
using FixIt.Web.Infrastructure.Localization;

namespace FixIt.Web.Features.Alerts;

/// <summary>The alert form's fields as typed (so a refused form comes back as it was), and their mapping to the command.</summary>
public sealed class AlertFormModel
{
    public string Email { get; init; } = "";

    /// <summary>"radius" or "area".</summary>
    public string Kind { get; init; } = "radius";

    public string Latitude { get; init; } = "";

    public string Longitude { get; init; } = "";

    public string Radius { get; init; } = "500";

    public string Area { get; init; } = "";

    public IReadOnlyList<string> Categories { get; init; } = [];

    public string Frequency { get; init; } = "immediate";

    public static AlertFormModel From(IFormCollection form) => new()
    {
        // Stray spaces from a paste are not the person's fault.
        Email = form["email"].ToString().Trim(),
        Kind = form["kind"].ToString() == "area" ? "area" : "radius",
        Latitude = form["lat"].ToString().Trim(),
        Longitude = form["lon"].ToString().Trim(),
        Radius = form["radius"].ToString().Trim(),
        Area = form["area"].ToString().Trim(),
        Categories = [.. form["category"].Where(c => !string.IsNullOrEmpty(c)).Select(c => c!)],
        Frequency = form["frequency"].ToString() == "daily" ? "daily" : "immediate",
    };

    /// <summary>The command, or the fields that are not even numbers (named as the form names them).</summary>
    public (CreateAlertCommand? Command, Dictionary<string, string[]> Errors) ToCommand()
    {
        var errors = new Dictionary<string, string[]>();
        var frequency = Frequency == "daily" ? AlertFrequency.Daily : AlertFrequency.Immediate;
        if (Kind == "area")
        {
            if (!int.TryParse(Area, NumberStyles.Integer, CultureInfo.InvariantCulture, out var areaId))
            {
                errors["area"] = ["Choose an area."];
                return (null, errors);
            }

            return (new CreateAlertCommand(Email, null, null, null, areaId, Categories, frequency) { Language = RequestLanguage.Current }, errors);
        }

        var latitude = Number(Latitude, "lat", "Latitude", errors);
        var longitude = Number(Longitude, "lon", "Longitude", errors);
        int? radius = int.TryParse(Radius, NumberStyles.Integer, CultureInfo.InvariantCulture, out var r) ? r : null;
        if (radius is null && Radius.Length > 0)
        {
            errors["radius"] = ["The radius must be a whole number of metres."];
        }

        return errors.Count > 0 ? (null, errors) : (new CreateAlertCommand(Email, latitude, longitude, radius, null, Categories, frequency) { Language = RequestLanguage.Current }, errors);
    }

    /// <summary>The command's property names as the form's field names.</summary>
    public static Dictionary<string, string[]> ErrorsOf(ValidationException ex) => ex.Errors
        .GroupBy(e => e.PropertyName switch
        {
            nameof(CreateAlertCommand.Latitude) => "lat",
            nameof(CreateAlertCommand.Longitude) => "lon",
            nameof(CreateAlertCommand.RadiusMetres) => "radius",
            nameof(CreateAlertCommand.AreaId) => "area",
            nameof(CreateAlertCommand.Frequency) => "frequency",
            var name when name.StartsWith("Categories", StringComparison.Ordinal) => "category",
            _ => "email",
        })
        .ToDictionary(g => g.Key, g => g.Select(e => e.ErrorMessage).Distinct().ToArray());

    private static double? Number(string text, string field, string name, Dictionary<string, string[]> errors)
    {
        if (text.Length == 0)
        {
            return null;
        }

        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        errors[field] = [$"{name} must be a number in decimal degrees, like 53.8008."];
        return null;
    }
}
