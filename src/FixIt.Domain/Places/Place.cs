using FixIt.Domain.Text;

namespace FixIt.Domain.Places;

/// <summary>
/// A named point residents look for: a town, a street, a postcode, a stop. Loaded from a gazetteer file
/// (import-places), so a search for a place goes to no third party. Found by its <see cref="Keys"/> (search) and its
/// <see cref="Cell"/> (the nearest named place to a report).
/// </summary>
public sealed class Place
{
    private readonly List<PlaceKey> _keys = [];

    private Place()
    {
    }

    public int Id { get; private set; }

    public string Name { get; private set; } = "";

    /// <summary>What it is, as the file says: "city", "stop", "postcode", a GeoNames feature code in lower case.</summary>
    public string Kind { get; private set; } = "";

    /// <summary>A postcode or a stop code, if the file gives one.</summary>
    public string? Code { get; private set; }

    public double Latitude { get; private set; }

    public double Longitude { get; private set; }

    /// <summary>From GeoNames; 0 when unknown. Ranks "London" above "London Road".</summary>
    public long Population { get; private set; }

    public int Cell { get; private set; }

    /// <summary>The file it came from; importing a file of the same name again replaces its places.</summary>
    public string Source { get; private set; } = "";

    public IReadOnlyList<PlaceKey> Keys => _keys;

    public static Place Create(string name, string kind, string? code, double latitude, double longitude, long population, string source)
    {
        var place = new Place
        {
            Name = PublicTextScrubber.Scrub(name.Trim()),
            Kind = kind.Trim().ToLowerInvariant(),
            Code = string.IsNullOrWhiteSpace(code) ? null : code.Trim(),
            Latitude = latitude,
            Longitude = longitude,
            Population = Math.Max(0, population),
            Cell = PlaceCells.CellOf(latitude, longitude),
            Source = source,
        };
        var rank = PlaceRank.Of(place.Kind, place.Population);
        place._keys.AddRange(PlaceSearchText.Keys(place.Name, place.Code).Select(k => new PlaceKey(k, rank)));
        return place;
    }
}

/// <summary>One way to find a place: a normalised word-start of its name, or its compacted code.</summary>
public sealed class PlaceKey
{
    private PlaceKey()
    {
    }

    public PlaceKey(string key, long rank)
    {
        Key = key;
        Rank = rank;
    }

    public long Id { get; private set; }

    public int PlaceId { get; private set; }

    public string Key { get; private set; } = "";

    /// <summary>The place's <see cref="PlaceRank"/>, kept beside the key so the best matches come from the index alone.</summary>
    public long Rank { get; private set; }
}
