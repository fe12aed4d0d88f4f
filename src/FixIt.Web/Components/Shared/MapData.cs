using System.Globalization;

namespace FixIt.Web.Components.Shared;

/// <summary>The data-* attributes every map element carries, read by wwwroot/js/fixit-map.js.</summary>
internal static class MapData
{
    public static Dictionary<string, object> For(MapOptions map, double? latitude = null, double? longitude = null, int? zoom = null) => new()
    {
        ["data-tile-url"] = map.TileUrl,
        ["data-tile-attribution"] = map.TileAttribution,
        ["data-lat"] = Number(latitude ?? map.DefaultLatitude),
        ["data-lon"] = Number(longitude ?? map.DefaultLongitude),
        ["data-zoom"] = (zoom ?? map.DefaultZoom).ToString(CultureInfo.InvariantCulture),
    };

    public static string Number(double value) => value.ToString("0.######", CultureInfo.InvariantCulture);
}
