using FixIt.Application.Features.Admin.Areas.DeleteArea;
using FixIt.Application.Features.Admin.Areas.GetArea;
using FixIt.Application.Features.Admin.Areas.ImportAreas;
using FixIt.Application.Features.Admin.Areas.ListAreas;
using FixIt.Application.Features.Admin.Areas.PreviewAreaImport;
using FixIt.Application.Features.Admin.Rules;
using FixIt.Infrastructure.Spatial;
using Mediator;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace FixIt.Web.Features.Admin.Areas;

internal static class AdminAreasEndpoints
{
    public static RouteGroupBuilder MapAdminAreas(this RouteGroupBuilder admin)
    {
        var areas = admin.MapGroup("/areas").WithTags("Admin: areas");
        areas.MapGet("/", ListAreas).WithName(nameof(ListAreas)).WithSummary("Areas, without their geometry");
        areas.MapPost("/import", ImportAreas).AdminOnly().WithName(nameof(ImportAreas))
            .WithSummary("Add or replace areas from a GeoJSON or TopoJSON FeatureCollection in the body")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status413PayloadTooLarge);
        areas.MapGet("/{id:int}", GetArea).WithName(nameof(GetArea)).WithSummary("One area and the rules that name it (no geometry)");
        areas.MapPost("/import/preview", PreviewAreaImport).AdminOnly().WithName(nameof(PreviewAreaImport))
            .WithSummary("What an import of the body would add, replace, repair and reject, without saving")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status413PayloadTooLarge);
        areas.MapDelete("/{id:int}", DeleteArea).AdminOnly().WithName(nameof(DeleteArea)).WithSummary("Remove an area no rule names");
        return admin;
    }

    public static async Task<Ok<IReadOnlyList<AreaSummary>>> ListAreas(string? kind, IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(new ListAreasQuery(kind), cancellationToken));

    /// <summary>The body is read as a stream and refused once past AdminImport:MaxFileBytes or its vertices past AdminImport:MaxVertices.</summary>
    public static async Task<Ok<ImportedAreas>> ImportAreas(string? kind, string? nameProperty, string? codeProperty, string? @object, bool? skipRejected,
        HttpContext context, FeatureFileReader reader, IOptions<AdminImportOptions> options, IMediator mediator,
        CancellationToken cancellationToken)
    {
        var limit = options.Value.MaxFileBytes;
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            // Our own limit applies while streaming; Kestrel's default 30 MB would cut large boundary files short.
            size.MaxRequestBodySize = limit + 1;
        }

        var features = await reader.ReadAsync(context.Request.Body, options.Value.FileLimits(), @object, cancellationToken);
        var result = await mediator.Send(new ImportAreasCommand(features, kind, nameProperty ?? "name", codeProperty ?? "id",
            $"api upload by {context.User.Identity?.Name}", skipRejected ?? false), cancellationToken);
        return TypedResults.Ok(result);
    }

    public static async Task<Ok<AreaWithRules>> GetArea(int id, IMediator mediator, CancellationToken cancellationToken)
    {
        var area = await mediator.Send(new GetAreaQuery(id), cancellationToken);
        return TypedResults.Ok(new AreaWithRules(area.Area, area.Rules));
    }

    public static async Task<Ok<AreaImportPreview>> PreviewAreaImport(string? kind, string? nameProperty, string? codeProperty, string? @object,
        HttpContext context, FeatureFileReader reader, IOptions<AdminImportOptions> options, IMediator mediator, CancellationToken cancellationToken)
    {
        var limit = options.Value.MaxFileBytes;
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            size.MaxRequestBodySize = limit + 1;
        }

        var features = await reader.ReadAsync(context.Request.Body, options.Value.FileLimits(), @object, cancellationToken);
        return TypedResults.Ok(await mediator.Send(new PreviewAreaImportQuery(features, kind, nameProperty ?? "name", codeProperty ?? "id"),
            cancellationToken));
    }

    public static async Task<NoContent> DeleteArea(int id, IMediator mediator, CancellationToken cancellationToken)
    {
        await mediator.Send(new DeleteAreaCommand(id), cancellationToken);
        return TypedResults.NoContent();
    }
}

/// <summary>GET /api/admin/areas/{id}: the area (as the list shows it) and the routing rules that name it.</summary>
internal sealed record AreaWithRules(AreaSummary Area, IReadOnlyList<RuleView> Rules);
