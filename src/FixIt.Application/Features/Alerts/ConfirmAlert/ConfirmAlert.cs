using FixIt.Application.Abstractions;
using FixIt.Application.Common;
using FixIt.Domain.Alerts;
using Mediator;
using Microsoft.Extensions.Options;

namespace FixIt.Application.Features.Alerts.ConfirmAlert;

/// <summary>The address's owner confirms from the emailed link (the POST of its page); new reports are mailed from then on.</summary>
public sealed record ConfirmAlertCommand(string Token) : ICommand<AlertView>;

internal sealed class ConfirmAlertHandler(IFixItDb db, IOptions<AlertOptions> options, TimeProvider clock) : ICommandHandler<ConfirmAlertCommand, AlertView>
{
    public async ValueTask<AlertView> Handle(ConfirmAlertCommand command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var token = await AlertLinks.RequireAsync(db, command.Token, AlertTokenPurpose.Confirm, now, cancellationToken);
        var alert = token.Alert!;
        token.Use(now);

        // A blocked sender sees the alert as confirmed (the same page); it never starts (ADR 0150).
        if (await SenderBlockList.IsBlockedAsync(db, alert.Email, cancellationToken))
        {
            await db.SaveChangesAsync(cancellationToken);
            return await AlertViews.ViewAsync(db, alert, cancellationToken) with { IsActive = true };
        }

        if (alert.Confirm(now, options.Value.DigestInterval))
        {
            await AlertLinks.BumpVersionAsync(db, cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
        return await AlertViews.ViewAsync(db, alert, cancellationToken);
    }
}
