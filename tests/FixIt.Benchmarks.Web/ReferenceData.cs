using FixIt.Domain.Areas;
using FixIt.Domain.Categories;
using FixIt.Domain.Operators;
using FixIt.Domain.Routing;
using FixIt.Infrastructure.Persistence;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;

namespace FixIt.Benchmarks.Web;

/// <summary>Categories, one council per city with its area and rule, and one bus-shelter operator covering every city.</summary>
internal static class ReferenceData
{
    public static async Task<(IReadOnlyList<Place> Places, IReadOnlyDictionary<string, int> Categories, int BusOperatorId)> CreateAsync(FixItDbContext db)
    {
        var categories = new[]
        {
            new Category { Code = "street-lighting", Name = "Street lighting", Group = "Roads", Description = "A street light that is out." },
            new Category { Code = "pothole", Name = "Potholes", Group = "Roads", Description = "A hole in a road or pavement." },
            new Category { Code = "bus-shelter", Name = "Bus shelters", Group = "Transport", Description = "A damaged bus shelter." },
            new Category { Code = "graffiti", Name = "Graffiti", Group = "Environment", Description = "Graffiti on public property." },
            new Category { Code = "fly-tipping", Name = "Fly-tipping", Group = "Environment", Description = "Rubbish dumped illegally." },
        };
        db.Categories.AddRange(categories);
        var buses = new Operator
        {
            Name = "Shelters UK", Slug = "shelters-uk", Kind = "transport", AcknowledgeTargetDays = 5, FixTargetDays = 28,
            Contacts = [new OperatorContact { Email = "shelters@example.org" }]
        };
        db.Operators.Add(buses);

        var councils = new List<(City City, Operator Council, Area Area)>();
        foreach (var city in City.All)
        {
            var council = new Operator
            {
                Name = $"{city.Name} City Council", Slug = $"{city.Slug}-city-council", Kind = "council",
                AcknowledgeTargetDays = 5, FixTargetDays = 28, Contacts = [new OperatorContact { Email = $"reports@{city.Slug}.example.org" }]
            };
            var polygon = new Polygon(new LinearRing(
            [
                new Coordinate(city.MinLon, city.MinLat), new Coordinate(city.MaxLon, city.MinLat), new Coordinate(city.MaxLon, city.MaxLat),
                new Coordinate(city.MinLon, city.MaxLat), new Coordinate(city.MinLon, city.MinLat),
            ]));
            var area = new Area
            {
                Name = city.Name, Code = city.Slug, Kind = "council", GeometryWkb = new WKBWriter().Write(polygon), Size = polygon.Area,
                MinLongitude = city.MinLon, MinLatitude = city.MinLat, MaxLongitude = city.MaxLon, MaxLatitude = city.MaxLat, Source = "benchmark"
            };
            db.Operators.Add(council);
            db.Areas.Add(area);
            councils.Add((city, council, area));
        }

        await db.SaveChangesAsync();
        var places = new List<Place>();
        var speed = 0.4;
        foreach (var (city, council, area) in councils)
        {
            var councilRule = new RoutingRule { AreaId = area.Id, OperatorId = council.Id };
            var busRule = new RoutingRule { AreaId = area.Id, CategoryId = categories[2].Id, OperatorId = buses.Id };
            db.RoutingRules.AddRange(councilRule, busRule);
            await db.SaveChangesAsync();
            places.Add(new Place(city, area.Id, council.Id, councilRule.Id, busRule.Id, speed));
            speed += 0.12;
        }

        return (places, categories.ToDictionary(c => c.Code, c => c.Id), buses.Id);
    }
}
