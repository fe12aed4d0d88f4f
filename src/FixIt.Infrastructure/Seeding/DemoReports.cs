using System.Diagnostics.CodeAnalysis;
using FixIt.Application.Common;
using FixIt.Application.Features.FollowUp;
using FixIt.Domain.Categories;
using FixIt.Domain.Operators;
using FixIt.Domain.Places;
using FixIt.Domain.Reports;
using FixIt.Domain.Routing;
using FixIt.Infrastructure.Persistence;

namespace FixIt.Infrastructure.Seeding;

/// <summary>
/// A few hundred demo reports around Demo City with the histories real ones have (acknowledged, replied to, fixed,
/// closed, overdue, re-routed, supported with "me too", reminded, asked "has this been fixed?"), made through the
/// domain's own methods so every derived figure is what the app would have computed, and the streets and stops they
/// are on in the gazetteer. Deterministic: the same seed gives the same reports. No email is queued, and the follow-up
/// steps already due are in the histories, so the scheduled jobs find nothing to send on the first run; the reporters'
/// addresses are on example.org.
/// </summary>
[SuppressMessage("Security", "CA5394:Do not use insecure randomness", Justification = "Demo data, made repeatable on purpose; no secret comes from it.")]
internal sealed class DemoReports(FixItDbContext db, DemoCity city, FollowUpOptions followUp, DateTimeOffset now)
{
    /// <summary>The gazetteer source of the demo places (import-places of a file with this name replaces them).</summary>
    public const string PlaceSource = "demo-seed";

    // Streets of central Leeds (Demo City's area), roughly where they are; each demo report is on one of them.
    private static readonly (string Name, double Latitude, double Longitude)[] Streets =
    [
        ("Briggate", 53.7983, -1.5420), ("Boar Lane", 53.7956, -1.5448), ("The Headrow", 53.7998, -1.5455), ("Kirkgate", 53.7960, -1.5390),
        ("Park Lane", 53.8000, -1.5560), ("Wellington Street", 53.7965, -1.5530), ("Woodhouse Lane", 53.8070, -1.5470),
        ("Kirkstall Road", 53.8020, -1.5750), ("York Road", 53.7990, -1.5150), ("Roundhay Road", 53.8150, -1.5250), ("Call Lane", 53.7955, -1.5405),
        ("Vicar Lane", 53.7985, -1.5400), ("Albion Street", 53.7980, -1.5455), ("Great George Street", 53.8015, -1.5485), ("Meanwood Road", 53.8150, -1.5500),
    ];

    private static readonly (string Name, string Code, double Latitude, double Longitude)[] Stops =
    [
        ("Stop 4, Park Lane", "DC0004", 53.8003, -1.5548), ("Stop 12, The Headrow", "DC0012", 53.7996, -1.5440),
        ("Stop 27, York Road", "DC0027", 53.7992, -1.5172), ("Stop 31, Kirkstall Road", "DC0031", 53.8018, -1.5730),
    ];

    private static readonly string[] FlyTippingSizes = ["small", "car", "lorry"];

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

    private readonly List<Place> _places = [];

    public async Task AddAsync(int count, CancellationToken cancellationToken)
    {
        // A few places to search for on the home page, and to name the place near each report.
        _places.Add(Place.Create("Demo City", "city", null, 53.7997, -1.5492, 800_000, PlaceSource));
        _places.AddRange(Streets.Select(s => Place.Create(s.Name, "street", null, s.Latitude, s.Longitude, 0, PlaceSource)));
        _places.AddRange(Stops.Select(s => Place.Create(s.Name, "stop", s.Code, s.Latitude, s.Longitude, 0, PlaceSource)));
        db.Places.AddRange(_places);

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
        var title = $"{Pick(Titles[category.Code])}, {street.Name}";
        var created = now.AddDays(-Math.Pow(_random.NextDouble(), 1.5) * 365).AddMinutes(-_random.Next(60 * 24));
        var latitude = street.Latitude + ((_random.NextDouble() - 0.5) * 0.004);
        var longitude = street.Longitude + ((_random.NextDouble() - 0.5) * 0.006);
        var input = new NewReport(category.Id, title,
            $"Seen on {street.Name}. {category.Description} Demo report {index + 1}, made by the development seed.",
            latitude, longitude,
            $"Demo Resident {index + 1}", $"resident{index + 1}@demo.example.org", null, ShowName: _random.NextDouble() < 0.3, EventSource.Web)
        {
            // The category's required question, answered as the form would have made the resident answer it.
            Attributes = category.Code == "fly-tipping" ? [new ReportAttribute("size", Pick(FlyTippingSizes))] : [],
            NearPlace = NearestPlace(latitude, longitude),
        };
        var routing = city.RoutingFor(category, declined: null);
        var unconfirmed = _random.NextDouble() < 0.04;

        // A few are never confirmed: they stay private, as real unconfirmed reports do, until they expire.
        if (unconfirmed)
        {
            return Report.Submit(input, routing, now - (followUp.UnconfirmedExpireAfter * _random.NextDouble()));
        }

        var report = Report.Submit(input, routing, created);

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
        AskIfFixed(report);
        return report;
    }

    // Most operators answer, some late; a few never do (overdue). Answered reports are often fixed, a few closed.
    // The reminders and the "still open" reminder are where the scheduled job would have sent them.
    private void Answer(Report report, Operator op, DateTimeOffset sent)
    {
        if (_random.NextDouble() < 0.18)
        {
            Remind(report, op, sent, until: now);
            return;
        }

        var acknowledged = sent.AddHours(_random.NextDouble() * op.AcknowledgeTargetDays * 24 * 1.6);
        if (acknowledged >= now)
        {
            Remind(report, op, sent, until: now);
            return;
        }

        Remind(report, op, sent, until: acknowledged);
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
        var isFixed = _random.NextDouble() < 0.75 && fixedAt < now;
        var stillOpenAt = Max(sent.AddDays(op.FixTargetDays), acknowledged);
        if (stillOpenAt < (isFixed ? fixedAt : now))
        {
            report.RecordStillOpenReminder(op.Name, stillOpenAt);
        }

        if (isFixed)
        {
            report.ChangeStatus(ReportStatus.Fixed, ActorKind.Operator, op.Name, EventSource.EmailLink, "Repaired.", fixedAt);
        }
    }

    // Up to FollowUp:MaxReminders, from the acknowledge target on, FollowUp:ReminderInterval apart, while unanswered.
    private void Remind(Report report, Operator op, DateTimeOffset sent, DateTimeOffset until)
    {
        var at = sent.AddDays(op.AcknowledgeTargetDays);
        for (var i = 0; i < followUp.MaxReminders && at < until; i++)
        {
            report.RecordReminder(op.Name, at);
            at += followUp.ReminderInterval;
        }
    }

    // The questionnaire's last round, where the scheduled job would have sent it: every FollowUp:QuestionnaireAfter
    // while open, FollowUp:ConfirmFixedAfter after the operator's fix; about half the reporters answer that it is fixed.
    private void AskIfFixed(Report report)
    {
        if (report.SentAt is not { } sent)
        {
            return;
        }

        if (report.StatusType == StatusType.Open)
        {
            var rounds = (int)Math.Floor((now - sent) / followUp.QuestionnaireAfter);
            if (rounds >= 1)
            {
                report.RecordQuestionnaireSent(sent + (followUp.QuestionnaireAfter * rounds));
            }
        }
        else if (report.Status == ReportStatus.Fixed && report.FixedAt is { } fixedAt && fixedAt + followUp.ConfirmFixedAfter < now)
        {
            var asked = fixedAt + followUp.ConfirmFixedAfter;
            report.RecordQuestionnaireSent(asked);
            var answered = asked.AddHours(_random.Next(1, 72));
            if (_random.NextDouble() < 0.5 && answered < now)
            {
                report.ConfirmFixedByReporter(EventSource.EmailLink, answered);
            }
        }
    }

    private string? NearestPlace(double latitude, double longitude) => _places
        .Select(p => (p.Name, Metres: PlaceCells.Metres(latitude, longitude, p.Latitude, p.Longitude)))
        .Where(p => p.Metres <= PlaceCells.NearMetres)
        .OrderBy(p => p.Metres).ThenBy(p => p.Name, StringComparer.Ordinal)
        .Select(p => p.Name)
        .FirstOrDefault();

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

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
