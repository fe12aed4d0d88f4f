using FixIt.Domain.Alerts;

namespace FixIt.UnitTests.Domain;

public sealed class AlertIndexTests
{
    [Fact]
    public void Matches_exactly_what_reading_every_alert_finds()
    {
        var random = new Random(7);
        var alerts = Enumerable.Range(1, 5_000).Select(i =>
        {
            IReadOnlyList<int> categories = random.Next(3) == 0 ? [random.Next(5)] : [];
            return i % 5 == 0
                ? new AlertShape(i, null, null, null, random.Next(20), categories)
                : new AlertShape(i, 53 + random.NextDouble(), -2 + random.NextDouble(), random.Next(50, 20_001), null, categories);
        }).ToList();
        var index = AlertIndex.Build(alerts, 1);

        for (var n = 0; n < 300; n++)
        {
            var (lat, lon, category) = (53 + random.NextDouble(), -2 + random.NextDouble(), random.Next(5));
            int[] areas = [random.Next(20), random.Next(20)];
            var expected = alerts.Where(a => (a.CategoryIds.Count == 0 || a.CategoryIds.Contains(category))
                    && (a.AreaId is { } area ? areas.Contains(area)
                        : AlertIndex.DistanceMetres(lat, lon, a.Latitude!.Value, a.Longitude!.Value) <= a.RadiusMetres!.Value))
                .Select(a => a.Id).Order().ToList();
            Assert.Equal(expected, index.Match(lat, lon, areas.Distinct().ToList(), category).Order().ToList());
        }
    }

    [Fact]
    public void A_radius_is_measured_on_the_ground_and_across_the_180th_meridian()
    {
        var index = AlertIndex.Build(
        [
            new AlertShape(1, 53.8, -1.55, 500, null, []),
            new AlertShape(2, -17.0, 179.999, 1_000, null, []),
            new AlertShape(3, 60.0, 10.0, 20_000, null, [4]),
        ], 1);

        // 0.004° of latitude is about 445 m; 0.005° about 556 m.
        Assert.Equal([1L], index.Match(53.804, -1.55, [], 1));
        Assert.Empty(index.Match(53.805, -1.55, [], 1));
        // 0.004° of longitude east of 179.999 wraps to -179.997: about 425 m at 17° S.
        Assert.Equal([2L], index.Match(-17.0, -179.997, [], 1));
        // At 60° N a degree of longitude is about 55.8 km: 0.3° is about 16.7 km, inside 20 km; category 4 only.
        Assert.Equal([3L], index.Match(60.0, 10.3, [], 4));
        Assert.Empty(index.Match(60.0, 10.3, [], 1));
        Assert.Empty(index.Match(60.0, 10.4, [], 4));
    }
}
