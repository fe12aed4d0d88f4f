namespace FixIt.Web;

/// <summary>Bound from "Map": the tile layer under every map and where maps open.</summary>
public sealed class MapOptions
{
    public const string SectionName = "Map";

    /// <summary>A Leaflet tile URL template ({z}/{x}/{y}); empty shows pins on a plain background.</summary>
    public string TileUrl { get; set; } = "";

    public string TileAttribution { get; set; } = "";

    public double DefaultLatitude { get; set; } = 53.80;

    public double DefaultLongitude { get; set; } = -1.55;

    public int DefaultZoom { get; set; } = 13;
}
