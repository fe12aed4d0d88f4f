using System.Globalization;
using FixIt.Application.Abstractions;
using FixIt.Application.Common;
using FixIt.Domain.Moderation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace FixIt.Application.Features.Mail.ResendMail;

/// <summary>Sends a failed (or retrying) email again, now: the outbox dispatcher picks it up at its next poll.</summary>
public sealed record ResendMailCommand(long Id) : ICommand<bool>;

internal sealed class ResendMailHandler(IFixItDb db, TimeProvider clock, ConfigurationAudit audit) : ICommandHandler<ResendMailCommand, bool>
{
    public async ValueTask<bool> Handle(ResendMailCommand command, CancellationToken cancellationToken)
    {
        var message = await db.OutboxMessages.SingleOrDefaultAsync(m => m.Id == command.Id, cancellationToken)
            ?? throw new NotFoundException("Email", command.Id);
        var before = message.Status.ToString();
        message.SendAgain(clock.GetUtcNow());
        audit.Record(AuditActions.ResendMail, $"email {command.Id.ToString(CultureInfo.InvariantCulture)}",
            new Dictionary<string, object?> { ["status"] = before, ["kind"] = message.Kind.ToString(), ["reportId"] = message.ReportId },
            new Dictionary<string, object?> { ["status"] = message.Status.ToString() });
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }
}
