using System.Diagnostics.CodeAnalysis;
using FixIt.Application.Common;
using FixIt.Domain.Categories;
using FixIt.Domain.Operators;
using FixIt.Domain.Reports;
using FixIt.Domain.Routing;
using FixIt.Infrastructure.Persistence;

namespace FixIt.Infrastructure.Seeding;

/// <summary>
/// A few hundred demo reports around Demo City with the histories real ones have (acknowledged, replied to, fixed,
/// closed, overdue, re-routed, supported with "me too"), made through the domain's own methods so every derived
/// figure is what the app would have computed. Deterministic: the same seed gives the same reports. No email is
/// queued; the reporters' addresses are on example.org.
/// </summary>
[SuppressMessage("Security", "CA5394:Do not use insecure randomness", Justification = "Demo data, made repeatable on purpose; no secret comes from it.")]
internal sealed class DemoReports(FixItDbContext db, DemoCity city, DateTimeOffset now)
{
    private static readonly string[] Streets =
    [
        "Briggate", "Boar Lane", "The Headrow", "Kirkgate", "Park Lane", "Wellington Street", "Woodhouse Lane", "Kirkstall Road",
        "York Road", "Roundhay Road", "Call Lane", "Vicar Lane", "Albion Street", "Great George Street", "Meanwood Road",
    ];

    private static readonly Dictionary<string, string[]> Titles = new(StringComparer.Ordinal)
    {
        ["street-lighting"] = ["Street light out", "Light flickering all night", "Lamp post leaning after a crash", "Light on all day"],
        ["pothole"] = ["Deep pothole in the road", "Broken paving slabs", "Pothole by the crossing", "Sunken drain cover"],
        ["bus-shelter"] = ["Shelter glass smashed", "Timetable missing at the stop", "Shelter roof leaking", "Bench broken in the shelter"],
        ["graffiti"] = ["Graffiti on the wall", "Tags on the bridge", "Graffiti on the bus shelter", "Offensive graffiti by the school"],
        ["fly-tipping"] = ["Mattress dumped on the pavement", "Bags of rubbish dumped", "Builder's rubble in the alley", "Fridge left by the bins"],
    };

    private static readonly string[] Replies =
    [
        "Thank you for your report. We have asked our highways team to inspect it this week.",
        "An engineer has been booked; we expect the repair within ten working days.",
        "We have passed this to our contractor, who will attend shortly.",
        "Inspected today: the repair is scheduled for next week.",
    ];

    private readonly Random _random = new(18);

    public async Task AddAsync(int count, CancellationToken cancellationToken)
    {
        var reports = new List<Report>(count);
        for (var i = 0; i < count; i++)
        {
            reports.Add(Make(i));
        }

        db.Reports.AddRange(reports);
        await db.SaveChangesAsync(cancellationToken);

        // "Me too": neighbours who had the same problem, on a fifth of the open reports.
        foreach (var report in reports.Where(r => r.StatusType == StatusType.Open && _random.NextDouble() < 0.2))
        {
            var supporters = _random.Next(1, 13);
            for (var j = 0; j < supporters; j++)
            {
                var at = Between(report.ConfirmedAt!.Value, now);
                var support = new ReportSupport(report.Id, EmailAddresses.MailboxHash($"neighbour{report.Id}.{j}@demo.example.org"), at);
                support.Confirm(at.AddMinutes(5) < now ? at.AddMinutes(5) : at);
                db.ReportSupports.Add(support);
            }
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private Report Make(int index)
    {
        var category = city.Categories[_random.Next(city.Categories.Count)];
        var street = Streets[_random.Next(Streets.Length)];
        var title = $"{Pick(Titles[category.Code])}, {street}";
        var created = now.AddDays(-Math.Pow(_random.NextDouble(), 1.5) * 365).AddMinutes(-_random.Next(60 * 24));
        var input = new NewReport(category.Id, title,
            $"Seen on {street}. {category.Description} Demo report {index + 1}, made by the development seed.",
            53.77 + (_random.NextDouble() * 0.06), -1.60 + (_random.NextDouble() * 0.12),
            $"Demo Resident {index + 1}", $"resident{index + 1}@demo.example.org", null, ShowName: _random.NextDouble() < 0.3, EventSource.Web);
        var routing = city.RoutingFor(category, declined: null);
        var report = Report.Submit(input, routing, created);

        // A few are never confirmed: they stay private, as real unconfirmed reports do.
        if (_random.NextDouble() < 0.04)
        {
            return report;
        }

        var at = created.AddMinutes(_random.Next(2, 240));
        if (at >= now)
        {
            return report;
        }

        report.Confirm(EventSource.EmailLink, at);
        var op = city.OperatorOf(report);
        at = at.AddMinutes(2);
        report.MarkSent(op.Name, at);

        // Some bus-shelter reports turn out to be the council's: Demo Buses declines and the report is re-routed.
        if (category.Code == "bus-shelter" && _random.NextDouble() < 0.3)
        {
            at = at.AddHours(_random.Next(2, 48));
            if (at >= now)
            {
                return report;
            }

            report.Decline(op.Name, EventSource.EmailLink, "This shelter belongs to the council, not to us.", city.RoutingFor(category, declined: op), at);
            op = city.OperatorOf(report);
            report.MarkSent(op.Name, at.AddMinutes(2));
        }

        Answer(report, op, at);
        return report;
    }

    // Most operators answer, some late; a few never do (overdue). Answered reports are often fixed, a few closed.
    private void Answer(Report report, Operator op, DateTimeOffset sent)
    {
        if (_random.NextDouble() < 0.18)
        {
            return;
        }

        var acknowledged = sent.AddHours(_random.NextDouble() * op.AcknowledgeTargetDays * 24 * 1.6);
        if (acknowledged >= now)
        {
            return;
        }

        var outcome = _random.NextDouble();
        if (outcome < 0.08)
        {
            var ending = Pick<ReportStatus>([ReportStatus.NotResponsible, ReportStatus.UnableToFix, ReportStatus.Duplicate]);
            report.ChangeStatus(ending, ActorKind.Operator, op.Name, EventSource.EmailLink, ClosingText(ending), acknowledged);
            return;
        }

        report.ChangeStatus(Pick<ReportStatus>([ReportStatus.Acknowledged, ReportStatus.InProgress, ReportStatus.ActionScheduled]), ActorKind.Operator, op.Name,
            EventSource.EmailLink, null, acknowledged);
        if (_random.NextDouble() < 0.5 && acknowledged.AddHours(1) < now)
        {
            report.AddNote(ActorKind.Operator, op.Name, EventSource.EmailReply, Pick(Replies), acknowledged.AddHours(1));
        }

        var fixedAt = acknowledged.AddDays(_random.NextDouble() * op.FixTargetDays * 1.5);
        if (_random.NextDouble() < 0.75 && fixedAt < now)
        {
            report.ChangeStatus(ReportStatus.Fixed, ActorKind.Operator, op.Name, EventSource.EmailLink, "Repaired.", fixedAt);
        }
    }

    private static string ClosingText(ReportStatus status) => status switch
    {
        ReportStatus.NotResponsible => "This is on private land; we have written to the owner.",
        ReportStatus.Duplicate => "Already reported; we are dealing with it under the earlier report.",
        _ => "We cannot repair this: the structure is due to be replaced next year.",
    };

    private DateTimeOffset Between(DateTimeOffset from, DateTimeOffset to) =>
        from + TimeSpan.FromTicks((long)(_random.NextDouble() * Math.Max(0, (to - from).Ticks)));

    private T Pick<T>(T[] items) => items[_random.Next(items.Length)];
}

/// <summary>What the demo reports need of the seeded city: its categories, operators and rules, and routing by them.</summary>
internal sealed class DemoCity(IReadOnlyList<Category> categories, Operator council, Operator buses, int areaId, string areaName,
    RoutingRule everything, RoutingRule shelters)
{
    public IReadOnlyList<Category> Categories { get; } = categories;

    public Operator OperatorOf(Report report) => report.OperatorId == buses.Id ? buses : council;

    /// <summary>The decision the router would make: shelters go to the buses unless they declined, everything else to the council.</summary>
    public RoutingDecision RoutingFor(Category category, Operator? declined)
    {
        var (rule, op, categoryName) = category.Id == shelters.CategoryId && declined != buses
            ? (shelters, buses, category.Name)
            : (everything, council, (string?)null);
        return new RoutingDecision(op.Id, rule.Id, RoutingWording.Technical(rule.Id, areaName, categoryName, op.Name), [areaId]);
    }
}
