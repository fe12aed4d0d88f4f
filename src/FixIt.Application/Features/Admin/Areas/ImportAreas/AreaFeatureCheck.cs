using FixIt.Application.Routing;
using FixIt.Domain.Text;
using FluentValidation.Results;
using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Utilities;
using NetTopologySuite.Operation.Valid;

namespace FixIt.Application.Features.Admin.Areas.ImportAreas;

/// <summary>A feature that passed the checks, repaired if it had to be.</summary>
public sealed record CheckedArea(int Index, string Code, string Name, Geometry Geometry, string? Repair);

/// <summary>
/// The import rules: only polygons, inside WGS84 ranges, non-empty, codes unique in the file; invalid shapes are
/// repaired with GeometryFixer and the repair reported. Every problem names the feature's index.
/// </summary>
public static class AreaFeatureCheck
{
    public static (List<CheckedArea> Areas, List<ValidationFailure> Errors) Check(IReadOnlyList<SourceFeature> features,
        string nameProperty, string codeProperty)
    {
        var areas = new List<CheckedArea>();
        var errors = new List<ValidationFailure>();
        var codes = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var feature in features)
        {
            var field = $"features[{feature.Index}]";
            var problem = ProblemOf(feature, nameProperty, codeProperty, out var name, out var code);
            if (problem is null && codes.TryGetValue(code!, out var first))
            {
                problem = $"has code '{code}', already used by feature {first}";
            }

            if (problem is not null)
            {
                errors.Add(new ValidationFailure(field, $"Feature {feature.Index} {problem}."));
                continue;
            }

            codes[code!] = feature.Index;
            var geometry = feature.Geometry!;
            string? repair = null;
            var validity = new IsValidOp(geometry);
            if (!validity.IsValid)
            {
                repair = $"Feature {feature.Index} ({code}) was repaired: {validity.ValidationError.Message} at {validity.ValidationError.Coordinate}.";
                geometry = GeometryFixer.Fix(geometry);
                if (geometry.IsEmpty || geometry is not (Polygon or MultiPolygon))
                {
                    errors.Add(new ValidationFailure(field, $"Feature {feature.Index} ({code}) has no area left once repaired."));
                    continue;
                }
            }

            areas.Add(new CheckedArea(feature.Index, code!, name!, geometry, repair));
        }

        return (areas, errors);
    }

    private static string? ProblemOf(SourceFeature feature, string nameProperty, string codeProperty, out string? name, out string? code)
    {
        name = Property(feature, nameProperty);
        code = Property(feature, codeProperty);
        if (feature.Problem is not null)
        {
            return feature.Problem;
        }

        if (feature.Geometry is null || feature.Geometry.IsEmpty)
        {
            return "is empty";
        }

        if (feature.Geometry.Coordinates.FirstOrDefault(c => !(c.X >= -180 && c.X <= 180 && c.Y >= -90 && c.Y <= 90)) is { } bad)
        {
            return $"has a coordinate out of range ({bad.X}, {bad.Y}): longitude must be -180..180 and latitude -90..90";
        }

        if (string.IsNullOrWhiteSpace(code))
        {
            return $"has no '{codeProperty}' property for its code";
        }

        if (string.IsNullOrWhiteSpace(name))
        {
            return $"has no '{nameProperty}' property for its name";
        }

        foreach (var (what, text) in (ReadOnlySpan<(string, string)>)[("name", name), ("code", code)])
        {
            if (TextCharacters.IndexOfUnsafe(text, out var codePoint) >= 0)
            {
                return $"has a {what} with a character that is not allowed ({TextCharacters.Describe(codePoint)})";
            }
        }

        // The columns' sizes: a longer value would fail the insert instead of being named here.
        var area = TextLimits.AreaName;
        return code.Length > 100 ? "has a code longer than 100 characters"
            : !TextElements.Fits(name, area.Characters) ? $"has a name longer than {area.Characters} characters"
            : TextForm.Nfc(name).Length > area.StorageLength ? $"has a name too long to store (over {area.StorageLength} UTF-16 code units)"
            : null;
    }

    /// <summary>"id" falls back to the feature's own id, where GeoJSON and TopoJSON files usually keep codes.</summary>
    private static string? Property(SourceFeature feature, string property) =>
        feature.Properties.TryGetValue(property, out var value) ? value.Trim()
        : property == "id" ? feature.Id?.Trim()
        : null;
}
