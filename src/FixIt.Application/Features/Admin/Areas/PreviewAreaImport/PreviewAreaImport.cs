using FixIt.Application.Abstractions;
using FixIt.Application.Features.Admin.Areas.ImportAreas;
using FixIt.Application.Routing;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace FixIt.Application.Features.Admin.Areas.PreviewAreaImport;

/// <summary>
/// What <see cref="ImportAreasCommand"/> would do with the same file and choices, without saving: the areas it would add
/// or replace, the features it would repair and those it would reject (the same checks, <see cref="AreaFeatureCheck"/>).
/// </summary>
public sealed record PreviewAreaImportQuery(IReadOnlyList<SourceFeature> Features, string? Kind, string? NameProperty, string? CodeProperty)
    : IQuery<AreaImportPreview>, IAreaImportChoices;

public sealed record AreaImportPreview(IReadOnlyList<PreviewedArea> Areas, IReadOnlyList<string> Repairs, IReadOnlyList<string> Rejected)
{
    public int Added => Areas.Count(a => !a.Replaces);

    public int Replaced => Areas.Count(a => a.Replaces);
}

/// <summary>One area the import would store; Replaces: an area of this kind and code exists and would be updated.</summary>
public sealed record PreviewedArea(int Index, string Code, string Name, bool Replaces, bool Repaired);

internal sealed class PreviewAreaImportHandler(IFixItDb db) : IQueryHandler<PreviewAreaImportQuery, AreaImportPreview>
{
    public async ValueTask<AreaImportPreview> Handle(PreviewAreaImportQuery query, CancellationToken cancellationToken)
    {
        var (areas, errors) = AreaFeatureCheck.Check(query.Features, query.NameProperty!, query.CodeProperty!);
        var kind = query.Kind!.Trim();
        var existing = (await db.Areas.AsNoTracking().Where(a => a.Kind == kind).Select(a => a.Code).ToListAsync(cancellationToken))
            .ToHashSet(StringComparer.Ordinal);
        return new AreaImportPreview(
            [.. areas.Select(a => new PreviewedArea(a.Index, a.Code, a.Name, existing.Contains(a.Code), a.Repair is not null))],
            [.. areas.Where(a => a.Repair is not null).Select(a => a.Repair!)],
            [.. errors.Select(e => e.ErrorMessage)]);
    }
}

internal sealed class PreviewAreaImportValidator : AbstractValidator<PreviewAreaImportQuery>
{
    public PreviewAreaImportValidator()
    {
        Include(new AreaImportChoicesValidator());
        RuleFor(c => c.Features).NotEmpty().WithMessage(_ => AdminText.Get("The file has no features."));
    }
}
