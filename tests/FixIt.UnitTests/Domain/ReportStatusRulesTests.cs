using FixIt.Domain.Reports;

namespace FixIt.UnitTests.Domain;

public sealed class ReportStatusRulesTests
{
    [Theory]
    [InlineData(ReportStatus.Unconfirmed, StatusType.Hidden)]
    [InlineData(ReportStatus.Hidden, StatusType.Hidden)]
    [InlineData(ReportStatus.Open, StatusType.Open)]
    [InlineData(ReportStatus.Acknowledged, StatusType.Open)]
    [InlineData(ReportStatus.InProgress, StatusType.Open)]
    [InlineData(ReportStatus.ActionScheduled, StatusType.Open)]
    [InlineData(ReportStatus.Fixed, StatusType.Fixed)]
    [InlineData(ReportStatus.NotResponsible, StatusType.Closed)]
    [InlineData(ReportStatus.Duplicate, StatusType.Closed)]
    [InlineData(ReportStatus.UnableToFix, StatusType.Closed)]
    [InlineData(ReportStatus.Closed, StatusType.Closed)]
    public void Every_status_has_its_type(ReportStatus status, StatusType type) =>
        Assert.Equal(type, ReportStatusRules.TypeOf(status));

    [Theory]
    [InlineData(ReportStatus.Unconfirmed, ReportStatus.Fixed)]
    [InlineData(ReportStatus.Unconfirmed, ReportStatus.Acknowledged)]
    [InlineData(ReportStatus.Hidden, ReportStatus.Fixed)]
    [InlineData(ReportStatus.Fixed, ReportStatus.Acknowledged)]
    [InlineData(ReportStatus.Closed, ReportStatus.Fixed)]
    [InlineData(ReportStatus.Open, ReportStatus.Open)]
    [InlineData(ReportStatus.Open, ReportStatus.Unconfirmed)]
    public void Forbidden_transitions_are_refused(ReportStatus from, ReportStatus to) =>
        Assert.False(ReportStatusRules.CanMove(from, to));

    [Theory]
    [InlineData(ReportStatus.Unconfirmed, ReportStatus.Open)]
    [InlineData(ReportStatus.Open, ReportStatus.Acknowledged)]
    [InlineData(ReportStatus.Acknowledged, ReportStatus.Fixed)]
    [InlineData(ReportStatus.InProgress, ReportStatus.NotResponsible)]
    [InlineData(ReportStatus.Fixed, ReportStatus.Open)]
    public void Allowed_transitions_are_accepted(ReportStatus from, ReportStatus to) =>
        Assert.True(ReportStatusRules.CanMove(from, to));

    [Fact]
    public void No_status_may_go_back_to_unconfirmed() =>
        Assert.All(Enum.GetValues<ReportStatus>(), s => Assert.False(ReportStatusRules.CanMove(s, ReportStatus.Unconfirmed)));

    [Fact]
    public void Unconfirmed_reports_are_shown_only_by_link_and_hidden_ones_not_at_all()
    {
        Assert.False(ReportStatusRules.IsPublic(ReportStatus.Unconfirmed));
        Assert.True(ReportStatusRules.IsShownByLink(ReportStatus.Unconfirmed));
        Assert.False(ReportStatusRules.IsPublic(ReportStatus.Hidden));
        Assert.False(ReportStatusRules.IsShownByLink(ReportStatus.Hidden));
        Assert.All(Enum.GetValues<ReportStatus>().Where(ReportStatusRules.IsPublic), s => Assert.True(ReportStatusRules.IsShownByLink(s)));
    }
}
