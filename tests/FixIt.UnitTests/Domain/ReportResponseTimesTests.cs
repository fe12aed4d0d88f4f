using FixIt.Domain.Reports;

namespace FixIt.UnitTests.Domain;

/// <summary>The answer and fix times kept on each report for the operator figures.</summary>
public sealed class ReportResponseTimesTests
{
    private static readonly DateTimeOffset Published = new(2026, 3, 1, 10, 0, 0, TimeSpan.Zero);

    private static Report Confirmed()
    {
        var report = ReportTests.NewReport();
        report.Confirm(EventSource.Web, Published);
        return report;
    }

    [Fact]
    public void Acknowledging_records_the_seconds_since_publication_once()
    {
        var report = Confirmed();

        report.ChangeStatus(ReportStatus.Acknowledged, ActorKind.Operator, "Council", EventSource.EmailLink, null, Published.AddHours(5));
        report.ChangeStatus(ReportStatus.InProgress, ActorKind.Operator, "Council", EventSource.EmailLink, null, Published.AddDays(3));

        Assert.Equal(5 * 3600, report.SecondsToAcknowledge);
        Assert.Null(report.SecondsToFix);
    }

    [Fact]
    public void Closing_without_acknowledging_counts_as_the_answer()
    {
        var report = Confirmed();

        report.ChangeStatus(ReportStatus.Duplicate, ActorKind.Operator, "Council", EventSource.EmailLink, null, Published.AddDays(2));

        Assert.Equal(2 * 86400, report.SecondsToAcknowledge);
        Assert.Null(report.AcknowledgedAt);
    }

    [Fact]
    public void Fixing_records_the_fix_time_and_reopening_clears_it_but_keeps_the_answer()
    {
        var report = Confirmed();

        report.ChangeStatus(ReportStatus.Fixed, ActorKind.Operator, "Council", EventSource.EmailLink, null, Published.AddDays(4));
        Assert.Equal(4 * 86400, report.SecondsToFix);
        Assert.Equal(4 * 86400, report.SecondsToAcknowledge);

        report.ChangeStatus(ReportStatus.Open, ActorKind.Reporter, "Ada", EventSource.Web, "Still broken.", Published.AddDays(30));
        Assert.Null(report.SecondsToFix);
        Assert.Equal(4 * 86400, report.SecondsToAcknowledge);
    }

    [Fact]
    public void Hiding_an_unanswered_report_is_not_an_answer()
    {
        var report = Confirmed();

        report.ChangeStatus(ReportStatus.Hidden, ActorKind.Admin, "Admin", EventSource.Admin, null, Published.AddDays(1));

        Assert.Null(report.SecondsToAcknowledge);
    }
}
