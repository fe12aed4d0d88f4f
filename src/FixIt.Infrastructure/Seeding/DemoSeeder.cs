using FixIt.Application.Features.FollowUp;
using FixIt.Domain.Areas;
using FixIt.Domain.Categories;
using FixIt.Domain.Operators;
using FixIt.Domain.Routing;
using FixIt.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;

namespace FixIt.Infrastructure.Seeding;

/// <summary>
/// A few categories, two operators, one area and its rules, and a few hundred reports with their histories and the
/// streets and stops they are on in the gazetteer (<see cref="DemoReports"/>), so a newcomer's first run shows a working service. Runs only when "Seed:Demo" is
/// true (the Development default) and the database has no categories.
/// </summary>
public static class DemoSeeder
{
    public const string DemoAreaCode = "demo-city";

    /// <param name="services">The app's services.</param>
    /// <param name="reports">How many demo reports to add (Seed:DemoReports: 300 in Development, none in tests unless they ask).</param>
    /// <param name="cancellationToken">Stops the seeding.</param>
    public static async Task SeedDemoDataAsync(this IServiceProvider services, int reports = 0, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FixItDbContext>();
        if (await db.Categories.AnyAsync(cancellationToken))
        {
            return;
        }

        var categories = new[]
        {
            new Category { Code = "street-lighting", Name = "Street lighting", Group = "Roads", Description = "A street light that is out, flickering or damaged." },
            new Category { Code = "pothole", Name = "Potholes", Group = "Roads", Description = "A hole or broken surface in a road or pavement." },
            new Category { Code = "bus-shelter", Name = "Bus shelters", Group = "Transport", Description = "A damaged or dirty bus shelter, or a missing timetable." },
            new Category { Code = "graffiti", Name = "Graffiti", Group = "Environment", Description = "Graffiti on public property." },
            new Category
            {
                Code = "fly-tipping", Name = "Fly-tipping", Group = "Environment", Description = "Rubbish dumped illegally.",
                ExtraQuestions =
                [
                    new ExtraQuestion
                    {
                        Code = "size", Question = "How much has been dumped?", DataType = "singlevaluelist", Required = true, Order = 1,
                        Values = [new() { Key = "small", Name = "A bag or two" }, new() { Key = "car", Name = "A car boot load" }, new() { Key = "lorry", Name = "A lorry load" }],
                    },
                    new ExtraQuestion { Code = "hazardous", Question = "Does it look hazardous (asbestos, chemicals)?", DataType = "string", Order = 2 },
                ],
            },
        };
        db.Categories.AddRange(categories);

        var council = new Operator
        {
            Name = "Demo City Council", Slug = "demo-city-council", Kind = "council", AcknowledgeTargetDays = 3, FixTargetDays = 20,
            Contacts = [new OperatorContact { Email = "reports@council.example.org" }],
        };
        var buses = new Operator
        {
            Name = "Demo Buses", Slug = "demo-buses", Kind = "transport", AcknowledgeTargetDays = 5, FixTargetDays = 28,
            Contacts = [new OperatorContact { Email = "shelters@buses.example.org" }],
        };
        db.Operators.AddRange(council, buses);

        // Central Leeds, roughly: a real place, so the map has streets under the pins.
        var polygon = new Polygon(new LinearRing(
        [
            new Coordinate(-1.60, 53.77), new Coordinate(-1.48, 53.77), new Coordinate(-1.48, 53.83),
            new Coordinate(-1.60, 53.83), new Coordinate(-1.60, 53.77),
        ]));
        var area = new Area
        {
            Name = "Demo City", Code = DemoAreaCode, Kind = "council", GeometryWkb = new WKBWriter().Write(polygon), Size = polygon.Area,
            MinLongitude = -1.60, MinLatitude = 53.77, MaxLongitude = -1.48, MaxLatitude = 53.83, Source = "seed",
        };
        db.Areas.Add(area);
        await db.SaveChangesAsync(cancellationToken);

        var everything = new RoutingRule { AreaId = area.Id, OperatorId = council.Id };
        var shelters = new RoutingRule { AreaId = area.Id, CategoryId = categories[2].Id, OperatorId = buses.Id };
        db.RoutingRules.AddRange(everything, shelters);
        await db.SaveChangesAsync(cancellationToken);

        // Reports, so the map, the figures and the league table show something on the first run.
        if (reports > 0)
        {
            var clock = scope.ServiceProvider.GetService<TimeProvider>() ?? TimeProvider.System;
            var followUp = scope.ServiceProvider.GetService<IOptions<FollowUpOptions>>()?.Value ?? new FollowUpOptions();
            var city = new DemoCity(categories, council, buses, area.Id, area.Name, everything, shelters);
            await new DemoReports(db, city, followUp, clock.GetUtcNow()).AddAsync(reports, cancellationToken);
        }
    }
}
