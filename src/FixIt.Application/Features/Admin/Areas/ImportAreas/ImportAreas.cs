using FixIt.Application.Abstractions;
using FixIt.Application.Common;
using FixIt.Application.Routing;
using FixIt.Domain.Areas;
using FixIt.Domain.Moderation;
using FixIt.Domain.Spatial;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using NetTopologySuite.IO;

namespace FixIt.Application.Features.Admin.Areas.ImportAreas;

/// <summary>
/// Adds or replaces (by kind and code) the areas of an already-read feature file. All or nothing by default: one
/// bad feature rejects the file, with every problem listed; with SkipRejected the bad ones are listed and left out.
/// </summary>
public sealed record ImportAreasCommand(IReadOnlyList<SourceFeature> Features, string? Kind, string? NameProperty, string? CodeProperty,
    string Source, bool SkipRejected = false) : ICommand<ImportedAreas>, IChangesRouting, IAreaImportChoices;

public sealed record ImportedAreas(int Created, int Updated, IReadOnlyList<string> Repairs, IReadOnlyList<string> Rejected);

internal sealed class ImportAreasHandler(IFixItDb db, ConfigurationAudit audit) : ICommandHandler<ImportAreasCommand, ImportedAreas>
{
    public async ValueTask<ImportedAreas> Handle(ImportAreasCommand command, CancellationToken cancellationToken)
    {
        var (areas, errors) = AreaFeatureCheck.Check(command.Features, command.NameProperty!, command.CodeProperty!);
        if (errors.Count > 0 && !command.SkipRejected)
        {
            throw new ValidationException(errors);
        }

        var kind = command.Kind!.Trim();
        var existing = await db.Areas.Where(a => a.Kind == kind).ToDictionaryAsync(a => a.Code, cancellationToken);
        var writer = new WKBWriter();
        var created = 0;
        foreach (var area in areas)
        {
            if (!existing.TryGetValue(area.Code, out var entity))
            {
                entity = new Area { Kind = kind, Code = area.Code };
                db.Areas.Add(entity);
                created++;
            }

            // Across the 180° meridian (the Aleutians, Fiji, Chukotka) the box is stored west > east, not as the world.
            var box = GeoBox.Covering(area.Geometry);
            entity.Name = area.Name;
            entity.GeometryWkb = writer.Write(area.Geometry);
            entity.Size = area.Geometry.Area;
            (entity.MinLongitude, entity.MinLatitude, entity.MaxLongitude, entity.MaxLatitude) = (box.West, box.South, box.East, box.North);
            entity.Source = command.Source;
        }

        audit.Record(AuditActions.ImportAreas, kind, after: new Dictionary<string, object?>
        {
            ["created"] = created,
            ["updated"] = areas.Count - created,
            ["rejected"] = errors.Count,
            ["source"] = command.Source,
        });
        await db.SaveChangesAsync(cancellationToken);
        await db.BumpRoutingVersionAsync(cancellationToken);
        return new ImportedAreas(created, areas.Count - created, [.. areas.Where(a => a.Repair is not null).Select(a => a.Repair!)],
            [.. errors.Select(e => e.ErrorMessage)]);
    }
}
