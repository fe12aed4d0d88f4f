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
    public void Every_point_within_half_a_kilometre_is_in_a_nearby_cell_at_every_latitude_up_to_the_poles()
    {
        var random = new Random(500);
        for (var i = 0; i < 20_000; i++)
        {
            // Latitudes weighted towards the poles, where columns narrow to nothing.
            var lat = (i % 2 == 0 ? 1 : -1) * 90 * Math.Sqrt(random.NextDouble());
            var lon = (random.NextDouble() * 360) - 180;
            var (lat2, lon2) = Destination(lat, lon, random.NextDouble() * 2 * Math.PI, random.NextDouble() * 499);
            Assert.True(PlaceCells.Metres(lat, lon, lat2, lon2) < PlaceCells.NearMetres);
            Assert.True(PlaceCells.Around(lat, lon).Contains(PlaceCells.CellOf(lat2, lon2)), $"({lat}, {lon}) -> ({lat2}, {lon2})");
        }

        // The reported case: 22 m apart across the pole's meridians.
        Assert.Contains(PlaceCells.CellOf(89.9999, 0), PlaceCells.Around(89.9999, 179));
        Assert.Contains(PlaceCells.CellOf(-89.9999, 0), PlaceCells.Around(-89.9999, -90));
    }

    [Theory]
    [InlineData("park", "parl")]
    [InlineData("\U000203FE", "\U000203FF")]
    [InlineData("\U000203FF", "\U00020400")]
    [InlineData("a\uD7FF", "a\uE000")]
    [InlineData("b\U0010FFFF", "c")]
    public void The_prefix_end_is_the_next_code_point_never_half_a_pair(string prefix, string expected)
    {
        var end = PlaceSearchText.PrefixEnd(prefix);

        Assert.Equal(expected, end);

        // The databases compare in code point order (UTF-8 bytes): every string with the prefix sorts before the end.
        foreach (var tail in new[] { "", "a", "\uFFFF", "\U0010FFFF", " lane" })
        {
            var word = prefix + tail;
            Assert.True(CodePointOrder(word, end) < 0, word);
        }

        Assert.True(CodePointOrder(end, prefix) > 0);
    }

    private static int CodePointOrder(string a, string b) =>
        ((ReadOnlySpan<byte>)System.Text.Encoding.UTF8.GetBytes(a)).SequenceCompareTo(System.Text.Encoding.UTF8.GetBytes(b));

    private static (double Latitude, double Longitude) Destination(double lat, double lon, double bearing, double metres)
    {
        const double radius = 6_371_008.8;
        var d = metres / radius;
        var φ1 = lat * Math.PI / 180;
        var λ1 = lon * Math.PI / 180;
        var φ2 = Math.Asin((Math.Sin(φ1) * Math.Cos(d)) + (Math.Cos(φ1) * Math.Sin(d) * Math.Cos(bearing)));
        var λ2 = λ1 + Math.Atan2(Math.Sin(bearing) * Math.Sin(d) * Math.Cos(φ1), Math.Cos(d) - (Math.Sin(φ1) * Math.Sin(φ2)));
        var lon2 = (λ2 * 180 / Math.PI) % 360;
        lon2 = lon2 > 180 ? lon2 - 360 : lon2 < -180 ? lon2 + 360 : lon2;
        return (φ2 * 180 / Math.PI, lon2);
    }

    [Fact]
    public void Towns_rank_above_stops_and_more_people_above_fewer() =>
        Assert.True(PlaceRank.Of("town", 5000) > PlaceRank.Of("village", 4000) && PlaceRank.Of("street", 0) > PlaceRank.Of("stop", 0));
}
