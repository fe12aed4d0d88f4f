using System.Globalization;
using FixIt.Application.Common;
using FixIt.Domain.Places;
using FixIt.Domain.Text;

namespace FixIt.Application.Features.Admin.Places.ImportPlaces;

/// <summary>What a gazetteer line must hold: a name, a kind, a point on Earth; a code and population if any.</summary>
internal static class PlaceRowRules
{
    public const int MaxNameLength = 200;
    public const int MaxKindLength = 50;
    public const int MaxCodeLength = 50;

    public static string? Check(PlaceRow row)
    {
        if (row.Problem is not null)
        {
            return row.Problem;
        }

        if (string.IsNullOrWhiteSpace(row.Name))
        {
            return "the name is empty.";
        }

        if (!TextElements.Fits(row.Name.Trim(), MaxNameLength) || row.Name.Any(char.IsControl))
        {
            return $"the name must be one line of at most {MaxNameLength} characters.";
        }

        if (ValidationRules.UnsafeCharacterMessage(row.Name, "the name") is { } unsafeName)
        {
            return unsafeName;
        }

        if (string.IsNullOrWhiteSpace(row.Kind) || row.Kind.Trim().Length > MaxKindLength || row.Kind.Any(char.IsControl))
        {
            return $"the kind must be a word of at most {MaxKindLength} characters, like town, street or stop.";
        }

        if (row.Code is { } code && (code.Trim().Length > MaxCodeLength || code.Any(char.IsControl)))
        {
            return $"the code must be one line of at most {MaxCodeLength} characters.";
        }

        if (Number(row.Latitude) is not { } latitude || latitude is < -90 or > 90)
        {
            return $"the latitude '{row.Latitude}' is not a number between -90 and 90.";
        }

        if (Number(row.Longitude) is not { } longitude || longitude is < -180 or > 180)
        {
            return $"the longitude '{row.Longitude}' is not a number between -180 and 180.";
        }

        if (!string.IsNullOrWhiteSpace(row.Population)
            && !long.TryParse(row.Population.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out _))
        {
            return $"the population '{row.Population}' is not a whole number.";
        }

        return null;
    }

    /// <summary>The place for a row <see cref="Check"/> passed.</summary>
    public static Place ToPlace(PlaceRow row, string source) =>
        Place.Create(row.Name!, row.Kind!, row.Code, Number(row.Latitude)!.Value, Number(row.Longitude)!.Value,
            string.IsNullOrWhiteSpace(row.Population) ? 0 : long.Parse(row.Population.Trim(), CultureInfo.InvariantCulture), source);

    private static double? Number(string? text) =>
        double.TryParse(text?.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value) ? value : null;
}
