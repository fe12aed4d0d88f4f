using FixIt.Domain.Reports;
using FixIt.Domain.Routing;

namespace FixIt.UnitTests.Domain;

public sealed class ReportTests
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);

    internal static Report NewReport(bool showName = true, int? operatorId = 7) => Report.Submit(
        new NewReport(1, "  Pothole  ", " Deep one ", 53.8, -1.55, "Ada", "ada@example.net", null, showName, EventSource.Api),
        new RoutingDecision(operatorId, 3, "rule 3: Leeds × any category → Leeds City Council", [4, 9]),
        T0);

    [Fact]
    public void Submitted_report_is_unconfirmed_routed_and_trimmed_with_two_events()
    {
        var report = NewReport();

        Assert.Equal(ReportStatus.Unconfirmed, report.Status);
        Assert.Equal("Pothole", report.Title);
        Assert.Equal("Deep one", report.Description);
        Assert.Equal(7, report.OperatorId);
        Assert.Equal([4, 9], report.Areas.Select(a => a.AreaId));
        Assert.Equal([ReportEventKind.Created, ReportEventKind.Routed], report.Events.Select(e => e.Kind));
    }

    [Fact]
    public void Confirming_opens_the_report_and_records_the_time()
    {
        var report = NewReport();

        var confirmed = report.Confirm(EventSource.Web, T0.AddHours(1));

        Assert.Equal(ReportStatus.Open, report.Status);
        Assert.Equal(T0.AddHours(1), report.ConfirmedAt);
        Assert.Contains(confirmed, report.Events);
        Assert.Equal((ReportStatus.Unconfirmed, ReportStatus.Open), (confirmed.FromStatus!.Value, confirmed.ToStatus!.Value));
    }

    [Fact]
    public void Confirming_twice_is_refused()
    {
        var report = NewReport();
        report.Confirm(EventSource.Web, T0);

        Assert.Throws<InvalidTransitionException>(() => report.Confirm(EventSource.Web, T0));
    }

    [Fact]
    public void Fixing_sets_acknowledged_and_fixed_times_and_reopening_clears_fixed()
    {
        var report = NewReport();
        report.Confirm(EventSource.Web, T0);

        report.ChangeStatus(ReportStatus.Fixed, ActorKind.Operator, "Council", EventSource.EmailLink, "Done.", T0.AddDays(2));
        Assert.Equal(T0.AddDays(2), report.AcknowledgedAt);
        Assert.Equal(T0.AddDays(2), report.FixedAt);

        report.ChangeStatus(ReportStatus.Open, ActorKind.Reporter, "Ada", EventSource.Web, "Still broken.", T0.AddDays(30));
        Assert.Null(report.FixedAt);
        Assert.Equal(T0.AddDays(2), report.AcknowledgedAt);
    }

    [Fact]
    public void Invalid_transition_changes_nothing()
    {
        var report = NewReport();
        var events = report.Events.Count;

        Assert.Throws<InvalidTransitionException>(() =>
            report.ChangeStatus(ReportStatus.Fixed, ActorKind.Operator, "Council", EventSource.EmailLink, null, T0));
        Assert.Equal(ReportStatus.Unconfirmed, report.Status);
        Assert.Equal(events, report.Events.Count);
    }

    [Fact]
    public void Declining_remembers_the_operator_and_applies_the_next_route()
    {
        var report = NewReport();
        report.Confirm(EventSource.Web, T0);

        var note = report.Decline("Council", EventSource.EmailLink, "  This is a private road. ",
            new RoutingDecision(11, 5, "rule 5: anywhere × any category → Highways", [9, 12]), T0.AddDays(1));

        Assert.Equal([7], report.DeclinedOperators);
        var decline = Assert.Single(report.Declines);
        Assert.Equal((7, T0.AddDays(1), "This is a private road."), (decline.OperatorId, decline.At, decline.Reason));
        Assert.Equal(11, report.OperatorId);
        Assert.Equal([9, 12], report.Areas.Select(a => a.AreaId).Order());
        Assert.Equal("Not ours: This is a private road.", note.PublicText);
        Assert.Equal((ReportEventKind.Note, ActorKind.Operator, "Council"), (note.Kind, note.ActorKind, note.Actor));
        Assert.Equal([ReportEventKind.Note, ReportEventKind.Rerouted],
            report.Events.SkipWhile(e => !ReferenceEquals(e, note)).Select(e => e.Kind));
    }

    [Theory]
    [InlineData(ReportStatus.Unconfirmed)]
    [InlineData(ReportStatus.Fixed)]
    [InlineData(ReportStatus.Closed)]
    public void Declining_a_report_that_is_not_open_is_refused_and_changes_nothing(ReportStatus status)
    {
        var report = NewReport();
        if (status != ReportStatus.Unconfirmed)
        {
            report.Confirm(EventSource.Web, T0);
            report.ChangeStatus(status, ActorKind.Operator, "Council", EventSource.EmailLink, null, T0);
        }

        var events = report.Events.Count;

        var refused = Assert.Throws<InvalidTransitionException>(() => report.Decline("Council", EventSource.Api, "Not ours.",
            new RoutingDecision(11, 5, "rule 5", [4]), T0.AddDays(1)));
        Assert.Contains($"The report is {status}; only an open report", refused.Message, StringComparison.Ordinal);
        Assert.Null(refused.To);
        Assert.Equal((7, events), (report.OperatorId!.Value, report.Events.Count));
        Assert.Empty(report.Declines);
    }

    [Fact]
    public void Each_change_returns_the_event_it_records()
    {
        var report = NewReport();
        report.Confirm(EventSource.Web, T0);

        var before = report.Events.Count;

        var note = report.AddNote(ActorKind.Operator, "Council", EventSource.EmailReply, "Looking.", T0);
        var change = report.ChangeStatus(ReportStatus.Acknowledged, ActorKind.Operator, "Council", EventSource.EmailReply, null, T0);
        var sent = report.MarkSent("Council", T0);
        var problem = report.RecordDeliveryProblem(ReportEventKind.Bounced, "Bounced.", T0);

        Assert.Equal([note, change, sent, problem], report.Events.Skip(before));
        Assert.Equal((ReportEventKind.Note, "Looking."), (note.Kind, note.PublicText));
        Assert.Equal((ReportEventKind.StatusChanged, ReportStatus.Acknowledged), (change.Kind, change.ToStatus));
        Assert.Equal((ReportEventKind.Sent, ReportEventKind.Bounced), (sent.Kind, problem.Kind));
    }

    [Theory]
    [InlineData(true, "Ada")]
    [InlineData(false, "The reporter")]
    public void Public_reporter_name_respects_the_choice(bool showName, string expected) =>
        Assert.Equal(expected, NewReport(showName).PublicReporterName);
}
