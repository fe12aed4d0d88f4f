using FixIt.Domain.Text;

namespace FixIt.Domain.Areas;

/// <summary>A named polygon or multipolygon in WGS84: a council, a ward, a transport zone.</summary>
public sealed class Area
{
    public int Id { get; set; }

    /// <summary>Shown publicly: kept in NFC without direction controls (<see cref="PublicTextScrubber"/>) whoever sets it.</summary>
    public string Name { get; set => field = PublicTextScrubber.Scrub(value); } = "";

    /// <summary>Unique within its kind, taken from the imported data (a FIPS code, a GSS code).</summary>
    public string Code { get; set; } = "";

    public string Kind { get; set; } = "";

    /// <summary>The geometry as WKB, the same bytes on every database provider.</summary>
    public byte[] GeometryWkb { get; set; } = [];

    /// <summary>Planar area in square degrees: enough to rank "the smaller area wins".</summary>
    public double Size { get; set; }

    /// <summary>The bounding box's west edge; greater than <see cref="MaxLongitude"/> when the area crosses the 180° meridian.</summary>
    public double MinLongitude { get; set; }

    public double MinLatitude { get; set; }

    public double MaxLongitude { get; set; }

    public double MaxLatitude { get; set; }

    /// <summary>Where the geometry came from (a file name, a URL, "seed").</summary>
    public string Source { get; set; } = "";
}
