using FixIt.Application.Abstractions;
using FixIt.Application.Common;
using FixIt.Domain.Moderation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace FixIt.Application.Features.Admin.Operators.MarkContactFixed;

/// <summary>"Mark as fixed": an admin checked a bouncing contact's address; its bounce state is cleared.</summary>
public sealed record MarkContactFixedCommand(string Slug, int ContactId) : ICommand<bool>;

internal sealed class MarkContactFixedHandler(IFixItDb db, ConfigurationAudit audit) : ICommandHandler<MarkContactFixedCommand, bool>
{
    public async ValueTask<bool> Handle(MarkContactFixedCommand command, CancellationToken cancellationToken)
    {
        var contact = await db.OperatorContacts
            .Where(c => c.Id == command.ContactId && db.Operators.Any(o => o.Id == c.OperatorId && o.Slug == command.Slug))
            .SingleOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("Operator contact", command.ContactId);
        var wasBouncing = contact.BouncingSince is not null;
        contact.ClearBouncing();
        audit.Record(AuditActions.ContactFixed, $"{command.Slug} contact {contact.Id}",
            new Dictionary<string, object?> { ["email"] = contact.Email, ["bouncing"] = wasBouncing },
            new Dictionary<string, object?> { ["bouncing"] = false });
        await db.SaveChangesAsync(cancellationToken);
        return wasBouncing;
    }
}
