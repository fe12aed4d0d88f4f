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
        Assert.Equal("4,9", report.ContainingAreaIds);
        Assert.Equal([ReportEventKind.Created, ReportEventKind.Routed], report.Events.Select(e => e.Kind));
    }

    [Fact]
    public void Confirming_opens_the_report_and_records_the_time()
    {
        var report = NewReport();

        report.Confirm(EventSource.Web, T0.AddHours(1));

        Assert.Equal(ReportStatus.Open, report.Status);
        Assert.Equal(T0.AddHours(1), report.ConfirmedAt);
        var last = report.Events[^1];
        Assert.Equal((ReportStatus.Unconfirmed, ReportStatus.Open), (last.FromStatus!.Value, last.ToStatus!.Value));
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

        report.Decline("Council", EventSource.EmailLink, "This is a private road.",
            new RoutingDecision(11, 5, "rule 5: anywhere × any category → Highways", [4, 9]), T0.AddDays(1));

        Assert.Equal([7], report.DeclinedOperators);
        Assert.Equal(11, report.OperatorId);
        Assert.Equal(ReportEventKind.Rerouted, report.Events[^1].Kind);
        Assert.Contains("private road", report.Events[^2].PublicText, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(true, "Ada")]
    [InlineData(false, "The reporter")]
    public void Public_reporter_name_respects_the_choice(bool showName, string expected) =>
        Assert.Equal(expected, NewReport(showName).PublicReporterName);
}
