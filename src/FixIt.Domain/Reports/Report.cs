using FixIt.Domain.Routing;
using FixIt.Domain.Text;

namespace FixIt.Domain.Reports;

/// <summary>A problem at a place, reported by a resident, and everything that has happened to it since.</summary>
/// <remarks>The follow-up state (reminders, escalation, questionnaire, re-opening) is in <c>Report.FollowUp.cs</c>.</remarks>
public sealed partial class Report
{
    private readonly List<ReportEvent> _events = [];
    private readonly List<ReportAttribute> _attributes = [];
    private readonly List<ReportArea> _areas = [];
    private readonly List<ReportDecline> _declines = [];

    private Report()
    {
    }

    public int Id { get; private set; }

    public int CategoryId { get; private set; }

    public string Title { get; private set; } = "";

    public string Description { get; private set; } = "";

    public double Latitude { get; private set; }

    public double Longitude { get; private set; }

    public string ReporterName { get; private set; } = "";

    public string ReporterEmail { get; private set; } = "";

    public string? ReporterPhone { get; private set; }

    public bool ShowName { get; private set; }

    public EventSource Source { get; private set; }

    public ReportStatus Status { get; private set; }

    public int? OperatorId { get; private set; }

    public int? RoutingRuleId { get; private set; }

    public string RoutingExplanation { get; private set; } = "";

    /// <summary>Every area containing the point when the report was last routed (rows, for "reports in this area").</summary>
    /// <remarks>Loaded only when a query includes it; a handler that re-routes the report must include it.</remarks>
    public IReadOnlyList<ReportArea> Areas => _areas;

    /// <summary>Every operator's "not ours", oldest first; re-routing skips these operators.</summary>
    /// <remarks>Loaded only when a query includes it; a handler that declines the report must include it.</remarks>
    public IReadOnlyList<ReportDecline> Declines => _declines;

    /// <summary>Set for Open311 submissions: the client looks the report up by it until it is confirmed.</summary>
    public string? Open311Token { get; private set; }

    /// <summary>Open311 device_id and account_id: the submitting client's own identifiers, never shown.</summary>
    public string? DeviceId { get; private set; }

    public string? AccountId { get; private set; }

    /// <summary>A picture the submitter hosts elsewhere (Open311 media_url): an absolute http(s) URL.</summary>
    public string? MediaUrl { get; private set; }

    /// <summary>The address the submitter gave, if any (Open311 address_string).</summary>
    public string? Address { get; private set; }

    /// <summary>The gazetteer's nearest named place when the report was made ("Stop 4, Park Lane"), if one was near.</summary>
    public string? NearPlace { get; private set; }

    /// <summary>The language the resident reported in (a BCP 47 tag such as "en" or "cy"): every email to them is written in it.</summary>
    public string Language { get; private set; } = "en";

    /// <summary>Answers to the category's extra questions (Open311 attributes); one entry per value.</summary>
    public IReadOnlyList<ReportAttribute> Attributes => _attributes;

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public DateTimeOffset? ConfirmedAt { get; private set; }

    public DateTimeOffset? SentAt { get; private set; }

    public DateTimeOffset? AcknowledgedAt { get; private set; }

    public DateTimeOffset? FixedAt { get; private set; }

    public DateTimeOffset? ClosedAt { get; private set; }

    /// <summary>
    /// Seconds from publication to the first answer (acknowledged, or fixed or closed without that), kept as a
    /// column so the operator's median is one index scan.
    /// </summary>
    public long? SecondsToAcknowledge { get; private set; }

    /// <summary>Seconds from publication to the fix; cleared when the report is re-opened.</summary>
    public long? SecondsToFix { get; private set; }

    public IReadOnlyList<ReportEvent> Events => _events;

    public StatusType StatusType => ReportStatusRules.TypeOf(Status);

    public bool IsUnrouted => OperatorId is null;

    public static Report Submit(NewReport input, RoutingDecision routing, DateTimeOffset now, string? open311Token = null)
    {
        var report = new Report
        {
            CategoryId = input.CategoryId,
            Title = PublicTextScrubber.Scrub(input.Title.Trim()),
            Description = PublicTextScrubber.Scrub(input.Description.Trim()),
            Latitude = input.Latitude,
            Longitude = input.Longitude,
            ReporterName = TextForm.Nfc(input.ReporterName.Trim()),
            ReporterEmail = input.ReporterEmail.Trim(),
            ReporterPhone = string.IsNullOrWhiteSpace(input.ReporterPhone) ? null : input.ReporterPhone.Trim(),
            ShowName = input.ShowName,
            Source = input.Source,
            Status = ReportStatus.Unconfirmed,
            Open311Token = open311Token,
            DeviceId = Blank(input.DeviceId),
            AccountId = Blank(input.AccountId),
            MediaUrl = Blank(input.MediaUrl),
            Address = PublicTextScrubber.ScrubOrNull(Blank(input.Address)),
            NearPlace = PublicTextScrubber.ScrubOrNull(Blank(input.NearPlace)),
            Language = string.IsNullOrWhiteSpace(input.Language) ? "en" : input.Language,
            CreatedAt = now,
            UpdatedAt = now,
        };
        report._attributes.AddRange(input.Attributes);
        report._events.Add(new ReportEvent(ReportEventKind.Created, ActorKind.Reporter, report.PublicReporterName,
            input.Source, null, ReportStatus.Unconfirmed, null, now));
        report.ApplyRouting(routing, ReportEventKind.Routed, now);
        return report;
    }

    /// <summary>The name the public sees for the reporter.</summary>
    public string PublicReporterName => IsContactErased ? ErasedReporterName : ShowName && ReporterName.Length > 0 ? ReporterName : "The reporter";

    /// <summary>The reporter confirms: the report opens. Returns the status change it records.</summary>
    public ReportEvent Confirm(EventSource source, DateTimeOffset now)
    {
        if (!ReportStatusRules.AwaitsConfirmation(Status))
        {
            throw new InvalidTransitionException(Status, ReportStatus.Open) { ReportId = Id };
        }

        ConfirmedAt = now;
        return ChangeStatus(ReportStatus.Open, ActorKind.Reporter, PublicReporterName, source, "Confirmed by the reporter.", now);
    }

    /// <summary>Moves to <paramref name="to"/> if the transition table allows it; returns the status change it records.</summary>
    /// <exception cref="InvalidTransitionException">The table does not allow the move; nothing changes.</exception>
    public ReportEvent ChangeStatus(ReportStatus to, ActorKind actorKind, string actor, EventSource source, string? publicText, DateTimeOffset now)
    {
        if (!ReportStatusRules.CanMove(Status, to))
        {
            throw new InvalidTransitionException(Status, to) { ReportId = Id };
        }

        var from = Status;
        Status = to;
        UpdatedAt = now;
        switch (ReportStatusRules.TypeOf(to))
        {
            case StatusType.Open when to != ReportStatus.Open:
                AcknowledgedAt ??= now;
                break;
            case StatusType.Fixed:
                AcknowledgedAt ??= now;
                FixedAt = now;
                ClosedAt = null;
                break;
            case StatusType.Closed:
                ClosedAt = now;
                break;
            case StatusType.Open:
                FixedAt = null;
                ClosedAt = null;
                break;
        }

        if (to != ReportStatus.Open && ReportStatusRules.TypeOf(to) != StatusType.Hidden)
        {
            SecondsToAcknowledge ??= SecondsSincePublished(now);
        }

        SecondsToFix = SecondsSincePublished(FixedAt);

        return Record(new ReportEvent(ReportEventKind.StatusChanged, actorKind, actor, source, from, to, publicText, now));
    }

    /// <summary>Adds a note (public unless <paramref name="isPublic"/> is false); returns it.</summary>
    public ReportEvent AddNote(ActorKind actorKind, string actor, EventSource source, string text, DateTimeOffset now, bool isPublic = true)
    {
        UpdatedAt = now;
        return Record(new ReportEvent(ReportEventKind.Note, actorKind, actor, source, null, null, text, now, isPublic));
    }

    /// <summary>The operator's email has gone; returns the "Sent to …" event.</summary>
    public ReportEvent MarkSent(string operatorName, DateTimeOffset now)
    {
        SentAt ??= now;
        return Record(new ReportEvent(ReportEventKind.Sent, ActorKind.System, "FixIt", EventSource.System, null, null,
            $"Sent to {operatorName}.", now));
    }

    /// <summary>Records a failed send or a bounce; returns the event.</summary>
    public ReportEvent RecordDeliveryProblem(ReportEventKind kind, string text, DateTimeOffset now, bool isPublic = true) =>
        Record(new ReportEvent(kind, ActorKind.System, "FixIt", EventSource.System, null, null, text, now, isPublic));

    /// <summary>
    /// Ids of the operators that said "not ours", oldest first. Needs <see cref="Declines"/> loaded.
    /// </summary>
    public IReadOnlyList<int> DeclinedOperators => [.. _declines.Select(d => d.OperatorId)];

    /// <summary>
    /// The current operator says the report is not theirs: their decline is kept, the reason published as a note and
    /// <paramref name="next"/> (routed by the caller with every declined operator excluded) applied. Returns the
    /// public "Not ours: …" note, the update followers are told of; a "re-routed" event follows it on the timeline.
    /// </summary>
    /// <exception cref="InvalidTransitionException">
    /// The report is not open (<see cref="ReportStatusRules.CanDecline"/>): a fixed, closed or hidden report is never re-routed.
    /// </exception>
    /// <exception cref="InvalidOperationException">The report has no operator to decline it.</exception>
    public ReportEvent Decline(string operatorName, EventSource source, string reason, RoutingDecision next, DateTimeOffset now)
    {
        if (!ReportStatusRules.CanDecline(Status))
        {
            throw InvalidTransitionException.NotDeclinable(Status, Id);
        }

        var current = OperatorId ?? throw new InvalidOperationException($"Report {Id} has no operator to decline it.");
        var trimmed = reason.Trim();
        _declines.Add(new ReportDecline(current, trimmed, now));
        var note = Record(new ReportEvent(ReportEventKind.Note, ActorKind.Operator, operatorName, source, null, null,
            DeclineNote.Text(trimmed), now));
        SentAt = null;
        ApplyRouting(next, ReportEventKind.Rerouted, now);
        return note;
    }

    private long? SecondsSincePublished(DateTimeOffset? at) =>
        at is { } t ? (long)Math.Max(0, (t - (ConfirmedAt ?? CreatedAt)).TotalSeconds) : null;

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private ReportEvent Record(ReportEvent reportEvent)
    {
        _events.Add(reportEvent);
        return reportEvent;
    }

    // On a re-route the areas are replaced only where they changed (the point is the same; areas may have been
    // edited since), so unchanged rows stay and no key is inserted twice.
    private void ApplyRouting(RoutingDecision routing, ReportEventKind kind, DateTimeOffset now)
    {
        OperatorId = routing.OperatorId;
        RoutingRuleId = routing.RuleId;
        RoutingExplanation = routing.Explanation;
        var areaIds = routing.ContainingAreaIds.ToHashSet();
        _areas.RemoveAll(a => !areaIds.Contains(a.AreaId));
        _areas.AddRange(areaIds.Where(id => !_areas.Exists(a => a.AreaId == id)).Order().Select(id => new ReportArea(id)));
        UpdatedAt = now;
        Record(new ReportEvent(kind, ActorKind.System, "FixIt", EventSource.System, null, null, routing.Explanation, now));
    }
}

/// <summary>What a resident gives when reporting.</summary>
public sealed record NewReport(
    int CategoryId,
    string Title,
    string Description,
    double Latitude,
    double Longitude,
    string ReporterName,
    string ReporterEmail,
    string? ReporterPhone,
    bool ShowName,
    EventSource Source)
{
    public IReadOnlyList<ReportAttribute> Attributes { get; init; } = [];

    public string? DeviceId { get; init; }

    public string? AccountId { get; init; }

    public string? MediaUrl { get; init; }

    public string? Address { get; init; }

    public string? NearPlace { get; init; }

    /// <summary>The language the resident wrote in and is written to in, as the application normalised it.</summary>
    public string Language { get; init; } = "en";
}
