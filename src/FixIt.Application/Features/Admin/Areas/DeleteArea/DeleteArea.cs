using FixIt.Application.Abstractions;
using FixIt.Application.Common;
using FixIt.Application.Routing;
using FixIt.Domain.Moderation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace FixIt.Application.Features.Admin.Areas.DeleteArea;

/// <summary>Removes an area; refused (409) while a routing rule still names it.</summary>
public sealed record DeleteAreaCommand(int Id) : ICommand<bool>, IChangesRouting;

internal sealed class DeleteAreaHandler(IFixItDb db, ConfigurationAudit audit) : ICommandHandler<DeleteAreaCommand, bool>
{
    public async ValueTask<bool> Handle(DeleteAreaCommand command, CancellationToken cancellationToken)
    {
        var area = await db.Areas.SingleOrDefaultAsync(a => a.Id == command.Id, cancellationToken)
            ?? throw new NotFoundException("Area", command.Id);
        if (await db.RoutingRules.AnyAsync(r => r.AreaId == command.Id, cancellationToken))
        {
            throw new InUseException($"Area {command.Id} is still named by routing rules; delete those first.");
        }

        audit.Record(AuditActions.DeleteArea, $"{area.Kind} {area.Code}", new Dictionary<string, object?> { ["name"] = area.Name, ["source"] = area.Source });
        db.Areas.Remove(area);
        await db.SaveChangesAsync(cancellationToken);
        await db.BumpRoutingVersionAsync(cancellationToken);
        return true;
    }
}
