using FixIt.Application.Features.EmailLinks.RespondToReport;
using FixIt.Domain.Reports;

namespace FixIt.UnitTests.Mail;

public sealed class OperatorActionsTests
{
    [Fact]
    public void Every_action_has_a_slug_that_maps_back_to_it()
    {
        foreach (var action in OperatorActions.All)
        {
            Assert.Equal(action, OperatorActions.FromSlug(action.Slug()));
        }

        Assert.Null(OperatorActions.FromSlug("delete"));
    }

    [Theory]
    [InlineData(OperatorAction.Acknowledge, ReportStatus.Open, true)]
    [InlineData(OperatorAction.Fixed, ReportStatus.InProgress, true)]
    [InlineData(OperatorAction.Acknowledge, ReportStatus.Fixed, false)]
    [InlineData(OperatorAction.Fixed, ReportStatus.Unconfirmed, false)]
    [InlineData(OperatorAction.Note, ReportStatus.Fixed, true)]
    [InlineData(OperatorAction.Note, ReportStatus.Hidden, false)]
    [InlineData(OperatorAction.NotOurs, ReportStatus.Acknowledged, true)]
    [InlineData(OperatorAction.NotOurs, ReportStatus.Fixed, false)]
    public void Actions_follow_the_transition_table(OperatorAction action, ReportStatus from, bool allowed) =>
        Assert.Equal(allowed, action.AllowedFrom(from));
}
