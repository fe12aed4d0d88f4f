using FixIt.Application.Abstractions;
using FixIt.Domain.Alerts;
using Mediator;

namespace FixIt.Application.Features.Alerts.StopAlert;

/// <summary>"No more of these emails", from the link in any alert email or its List-Unsubscribe header. Repeating it is harmless.</summary>
public sealed record StopAlertCommand(string Token) : ICommand<AlertView>;

internal sealed class StopAlertHandler(IFixItDb db, TimeProvider clock) : ICommandHandler<StopAlertCommand, AlertView>
{
    public async ValueTask<AlertView> Handle(StopAlertCommand command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var token = await AlertLinks.RequireAsync(db, command.Token, AlertTokenPurpose.Unsubscribe, now, cancellationToken);
        var alert = token.Alert!;
        token.Use(now);
        if (alert.Unsubscribe(now))
        {
            await AlertLinks.BumpVersionAsync(db, cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
        return await AlertViews.ViewAsync(db, alert, cancellationToken);
    }
}
