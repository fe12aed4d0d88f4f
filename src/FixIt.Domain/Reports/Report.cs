using FixIt.Domain.Routing;
using FixIt.Domain.Text;

namespace FixIt.Domain.Reports;

/// <summary>A problem at a place, reported by a resident, and everything that has happened to it since.</summary>
public sealed class Report
{
    private readonly List<ReportEvent> _events = [];
    private readonly List<ReportAttribute> _attributes = [];

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

    /// <summary>Ids of every area containing the point, comma-separated, for area queries.</summary>
    public string ContainingAreaIds { get; private set; } = "";

    /// <summary>Operators that have said "not ours", comma-separated, so re-routing skips them.</summary>
    public string DeclinedOperatorIds { get; private set; } = "";

    /// <summary>Set for Open311 submissions: the client looks the report up by it until it is confirmed.</summary>
    public string? Open311Token { get; private set; }

    /// <summary>Open311 device_id and account_id: the submitting client's own identifiers, never shown.</summary>
    public string? DeviceId { get; private set; }

    public string? AccountId { get; private set; }

    /// <summary>A picture the submitter hosts elsewhere (Open311 media_url): an absolute http(s) URL.</summary>
    public string? MediaUrl { get; private set; }

    /// <summary>The address the submitter gave, if any (Open311 address_string).</summary>
    public string? Address { get; private set; }

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
    public string PublicReporterName => ShowName && ReporterName.Length > 0 ? ReporterName : "The reporter";

    public void Confirm(EventSource source, DateTimeOffset now)
    {
        if (Status != ReportStatus.Unconfirmed)
        {
            throw new InvalidTransitionException(Status, ReportStatus.Open);
        }

        ConfirmedAt = now;
        ChangeStatus(ReportStatus.Open, ActorKind.Reporter, PublicReporterName, source, "Confirmed by the reporter.", now);
    }

    public void ChangeStatus(ReportStatus to, ActorKind actorKind, string actor, EventSource source, string? publicText, DateTimeOffset now)
    {
        if (!ReportStatusRules.CanMove(Status, to))
        {
            throw new InvalidTransitionException(Status, to);
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

        _events.Add(new ReportEvent(ReportEventKind.StatusChanged, actorKind, actor, source, from, to, publicText, now));
    }

    public void AddNote(ActorKind actorKind, string actor, EventSource source, string text, DateTimeOffset now, bool isPublic = true)
    {
        UpdatedAt = now;
        _events.Add(new ReportEvent(ReportEventKind.Note, actorKind, actor, source, null, null, text, now, isPublic));
    }

    public void MarkSent(string operatorName, DateTimeOffset now)
    {
        SentAt ??= now;
        _events.Add(new ReportEvent(ReportEventKind.Sent, ActorKind.System, "FixIt", EventSource.System, null, null,
            $"Sent to {operatorName}.", now));
    }

    public void RecordDeliveryProblem(ReportEventKind kind, string text, DateTimeOffset now, bool isPublic = true)
    {
        _events.Add(new ReportEvent(kind, ActorKind.System, "FixIt", EventSource.System, null, null, text, now, isPublic));
    }

    /// <summary>The current operator says the report is not theirs; the caller routes again with them excluded.</summary>
    public void Decline(string operatorName, EventSource source, string reason, RoutingDecision next, DateTimeOffset now)
    {
        if (OperatorId is { } current)
        {
            DeclinedOperatorIds = DeclinedOperatorIds.Length == 0 ? $"{current}" : $"{DeclinedOperatorIds},{current}";
        }

        _events.Add(new ReportEvent(ReportEventKind.Note, ActorKind.Operator, operatorName, source, null, null,
            $"Not ours: {reason}", now));
        SentAt = null;
        ApplyRouting(next, ReportEventKind.Rerouted, now);
    }

    private long? SecondsSincePublished(DateTimeOffset? at) =>
        at is { } t ? (long)Math.Max(0, (t - (ConfirmedAt ?? CreatedAt)).TotalSeconds) : null;

    public IReadOnlyList<int> DeclinedOperators =>
        DeclinedOperatorIds.Length == 0 ? [] : [.. DeclinedOperatorIds.Split(',').Select(int.Parse)];

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private void ApplyRouting(RoutingDecision routing, ReportEventKind kind, DateTimeOffset now)
    {
        OperatorId = routing.OperatorId;
        RoutingRuleId = routing.RuleId;
        RoutingExplanation = routing.Explanation;
        ContainingAreaIds = string.Join(',', routing.ContainingAreaIds);
        UpdatedAt = now;
        _events.Add(new ReportEvent(kind, ActorKind.System, "FixIt", EventSource.System, null, null, routing.Explanation, now));
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
}

public sealed class InvalidTransitionException(ReportStatus from, ReportStatus to)
    : InvalidOperationException($"A report cannot go from {from} to {to}.")
{
    public ReportStatus From { get; } = from;

    public ReportStatus To { get; } = to;
}
