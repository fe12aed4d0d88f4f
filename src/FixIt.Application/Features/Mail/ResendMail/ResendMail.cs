using FixIt.Application.Abstractions;
using FixIt.Application.Common;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace FixIt.Application.Features.Mail.ResendMail;

/// <summary>Sends a failed (or retrying) email again, now: the outbox dispatcher picks it up at its next poll.</summary>
public sealed record ResendMailCommand(long Id) : ICommand<bool>;

internal sealed class ResendMailHandler(IFixItDb db, TimeProvider clock) : ICommandHandler<ResendMailCommand, bool>
{
    public async ValueTask<bool> Handle(ResendMailCommand command, CancellationToken cancellationToken)
    {
        var message = await db.OutboxMessages.SingleOrDefaultAsync(m => m.Id == command.Id, cancellationToken)
            ?? throw new NotFoundException("Email", command.Id);
        message.SendAgain(clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }
}
