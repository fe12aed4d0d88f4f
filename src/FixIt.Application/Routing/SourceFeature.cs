using NetTopologySuite.Geometries;

namespace FixIt.Application.Routing;

/// <summary>One feature read from a file: its position, its id and properties, and its geometry or why there is none.</summary>
public sealed record SourceFeature(int Index, string? Id, IReadOnlyDictionary<string, string> Properties, Geometry? Geometry, string? Problem);

/// <summary>One data row of a rules CSV file, as text, with its line number for error messages.</summary>
public sealed record RuleRow(int Line, string? AreaKind, string? AreaCode, string? Category, string? Operator, string? Priority,
    string? ActiveFrom, string? ActiveTo);
