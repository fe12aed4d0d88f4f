using FixIt.Application.Abstractions;
using FixIt.Domain.Alerts;
using Mediator;

namespace FixIt.Application.Features.Alerts.CheckAlertLink;

/// <summary>What the GET of an alert link shows: the alert, if the link may still be used. Changes nothing.</summary>
public sealed record CheckAlertLinkQuery(string Token, AlertTokenPurpose Purpose) : IQuery<AlertView>;

internal sealed class CheckAlertLinkHandler(IFixItDb db, TimeProvider clock) : IQueryHandler<CheckAlertLinkQuery, AlertView>
{
    public async ValueTask<AlertView> Handle(CheckAlertLinkQuery query, CancellationToken cancellationToken)
    {
        var token = await AlertLinks.RequireAsync(db, query.Token, query.Purpose, clock.GetUtcNow(), cancellationToken);
        return await AlertViews.ViewAsync(db, token.Alert!, cancellationToken);
    }
}
