using FixIt.Domain.Places;

namespace FixIt.UnitTests.Domain;

public sealed class PlaceSearchTextTests
{
    [Theory]
    [InlineData("Saint-Étienne-de-Brûlon", "saint etienne de brulon")]
    [InlineData("St Mary’s Road", "st marys road")]
    [InlineData("  Stop 4, Park  Lane ", "stop 4 park lane")]
    [InlineData("Straße", "strasse")]
    [InlineData("Łódź", "lodz")]
    [InlineData("ＬＳ１ １ＵＡ", "ls1 1ua")]
    [InlineData("Ærøskøbing", "aeroskobing")]
    [InlineData("Москва", "москва")]
    [InlineData("e\u0301cole", "ecole")]
    public void Names_and_queries_meet_in_one_spelling(string text, string expected) =>
        Assert.Equal(expected, PlaceSearchText.Normalise(text));

    [Fact]
    public void A_name_is_found_from_each_word_and_its_code_without_spaces()
    {
        var keys = PlaceSearchText.Keys("Stop 4, Park Lane", "LS1 1UA");

        Assert.Equal(["stop 4 park lane", "4 park lane", "park lane", "lane", "ls11ua"], keys);
    }

    [Fact]
    public void The_prefix_end_is_the_first_string_after_every_string_with_the_prefix()
    {
        var end = PlaceSearchText.PrefixEnd("park");

        Assert.Equal("parl", end);
        Assert.True(string.CompareOrdinal("park lane", end) < 0);
        Assert.True(string.CompareOrdinal("parkzzz", end) < 0);
        Assert.True(string.CompareOrdinal("parl", end) >= 0);
    }

    [Fact]
    public void Nearby_cells_cover_half_a_kilometre_even_far_north_and_across_the_antimeridian()
    {
        foreach (var (lat, lon, dLat, dLon) in new[] { (53.8, -1.55, 0.003, 0.004), (69.6, 18.9, 0.002, 0.009), (-16.5, 179.999, 0.0, 0.003) })
        {
            var near = PlaceCells.CellOf(lat + dLat, lon + dLon > 180 ? lon + dLon - 360 : lon + dLon);

            Assert.Contains(near, PlaceCells.Around(lat, lon));
            Assert.True(PlaceCells.Metres(lat, lon, lat + dLat, lon + dLon) < PlaceCells.NearMetres);
        }
    }

    [Fact]
    public void Towns_rank_above_stops_and_more_people_above_fewer() =>
        Assert.True(PlaceRank.Of("town", 5000) > PlaceRank.Of("village", 4000) && PlaceRank.Of("street", 0) > PlaceRank.Of("stop", 0));
}
