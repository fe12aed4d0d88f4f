using System.Globalization;
using FixIt.Application.Routing;

namespace FixIt.Infrastructure.Spatial;

/// <summary>
/// How much of a feature file is read: its bytes, and the vertices its polygons would have once decoded. The byte limit
/// alone does not bound a TopoJSON file, whose polygons can all name one long arc (a 1.7 MB file can expand to billions of
/// points), so the vertices are counted from the arcs' lengths before any ring is built.
/// </summary>
public sealed record FeatureFileLimits(long MaxBytes, long MaxVertices = FeatureFileLimits.DefaultMaxVertices,
    long MaxVerticesPerFeature = FeatureFileLimits.DefaultMaxVerticesPerFeature)
{
    /// <summary>Room for the largest real boundary sets (1.7 million vertices of densified US counties) with margin.</summary>
    public const long DefaultMaxVertices = 5_000_000;

    public const long DefaultMaxVerticesPerFeature = 1_000_000;
}

/// <summary>The vertices taken so far by one read; refuses the file as too large once a feature or the whole passes its cap.</summary>
internal sealed class VertexBudget(FeatureFileLimits limits)
{
    private long _total;

    public void Take(int featureIndex, long vertices)
    {
        if (vertices > limits.MaxVerticesPerFeature)
        {
            throw TooMany(string.Create(CultureInfo.InvariantCulture,
                $"Feature {featureIndex} has {vertices:N0} vertices, more than the limit of {limits.MaxVerticesPerFeature:N0} for one feature."));
        }

        _total += vertices;
        if (_total > limits.MaxVertices)
        {
            throw TooMany(string.Create(CultureInfo.InvariantCulture,
                $"The file has more than the limit of {limits.MaxVertices:N0} vertices (features 0 to {featureIndex} alone have {_total:N0})."));
        }
    }

    private static ImportFileException TooMany(string message) => new(message) { TooLarge = true };
}
