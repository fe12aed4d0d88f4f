using FixIt.Application.Features.Admin.Areas.GetArea;
using FixIt.Application.Features.Admin.Areas.ImportAreas;
using FixIt.Application.Features.Admin.Areas.ListAreas;
using FixIt.Application.Features.Admin.Areas.PreviewAreaImport;
using FixIt.Application.Features.Operators.GetOperatorFigures;
using FixIt.Application.Routing;
using FixIt.Infrastructure.Spatial;
using FixIt.Web.Features.Admin.SignIn;
using FixIt.Web.Features.EmailLinks;
using FixIt.Web.Features.Operators;
using FixIt.Web.Infrastructure;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace FixIt.Web.Features.Admin.Areas;

/// <summary>
/// /admin/areas: list and search areas, upload a GeoJSON or TopoJSON file in three steps (upload; choose the object, the name
/// and code properties and the kind, and see the preview; import), and one area on a map with its rules. The preview and the
/// import are the admin API's use cases (<see cref="PreviewAreaImportQuery"/>, <see cref="ImportAreasCommand"/>).
/// </summary>
internal static class AreaPagesEndpoints
{
    private static readonly Dictionary<string, string> Fields = new(StringComparer.Ordinal)
    {
        ["Kind"] = "kind", ["NameProperty"] = "nameProperty", ["CodeProperty"] = "codeProperty", ["Features"] = "file",
    };

    public static IEndpointRouteBuilder MapAreaPages(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/admin/areas").ExcludeFromDescription().RequireAuthorization(AdminSignIn.PagePolicy).WithHtmlErrorPages();
        group.MapGet("/", AreasPage).WithName(nameof(AreasPage));
        group.MapPost("/upload", UploadAreaFile).WithName(nameof(UploadAreaFile));
        group.MapPost("/preview", PreviewAreaFile).WithName(nameof(PreviewAreaFile));
        group.MapPost("/import", ImportAreaFile).WithName(nameof(ImportAreaFile));
        group.MapGet("/{id:int}", AreaPage).WithName(nameof(AreaPage));
        group.MapGet("/{id:int}/shape.geojson", AreaShape).WithName(nameof(AreaShape));
        return app;
    }

    public static Task<RazorComponentResult<AreasPage>> AreasPage(string? q, string? kind, int? added, int? updated, IMediator mediator,
        IAntiforgery antiforgery, HttpContext context, IOptions<AdminImportOptions> options, IStringLocalizer<ConsolePages> l,
        CancellationToken cancellationToken) =>
        List(q, kind, added is null ? null : l["{0} areas added, {1} replaced.", added, updated ?? 0].Value, [], StatusCodes.Status200OK, mediator, antiforgery,
            context, options.Value, cancellationToken);

    public static async Task<IResult> UploadAreaFile(HttpContext context, IAntiforgery antiforgery, ConsoleUploads uploads, FeatureFileReader reader,
        IOptions<AdminImportOptions> options, IMediator mediator, IStringLocalizer<ConsolePages> l, CancellationToken cancellationToken)
    {
        var limit = options.Value.MaxUploadBytes;
        var (form, tooLarge) = await ConsoleForms.ReadAsync(context, antiforgery, limit, cancellationToken);
        if (tooLarge)
        {
            return await List(null, null, null, ConsoleForms.Error("file", ConsoleForms.TooLargeMessage(limit, l)), StatusCodes.Status413PayloadTooLarge,
                mediator, antiforgery, context, options.Value, cancellationToken);
        }

        if (form is null)
        {
            return LinkPages.FormExpired();
        }

        if (form.Files.GetFile("file") is not { Length: > 0 } file)
        {
            return await List(null, null, null, ConsoleForms.Error("file", l["Choose a GeoJSON or TopoJSON file."]), StatusCodes.Status400BadRequest,
                mediator, antiforgery, context, options.Value, cancellationToken);
        }

        string upload;
        await using (var stream = file.OpenReadStream())
        {
            upload = await uploads.SaveAsync(stream, file.FileName, cancellationToken);
        }

        var choice = new AreaImportChoice(upload, "", ConsoleForms.Text(form, "kind"), null, null, null, false);
        return await Preview(choice, null, context, antiforgery, uploads, reader, options.Value, mediator, l, cancellationToken);
    }

    public static async Task<IResult> PreviewAreaFile(HttpContext context, IAntiforgery antiforgery, ConsoleUploads uploads, FeatureFileReader reader,
        IOptions<AdminImportOptions> options, IMediator mediator, IStringLocalizer<ConsolePages> l, CancellationToken cancellationToken)
    {
        var (form, _) = await ConsoleForms.ReadAsync(context, antiforgery, null, cancellationToken);
        return form is null
            ? LinkPages.FormExpired()
            : await Preview(AreaImportChoice.Read(form), null, context, antiforgery, uploads, reader, options.Value, mediator, l, cancellationToken);
    }

    public static async Task<IResult> ImportAreaFile(HttpContext context, IAntiforgery antiforgery, ConsoleUploads uploads, FeatureFileReader reader,
        IOptions<AdminImportOptions> options, IMediator mediator, IStringLocalizer<ConsolePages> l, CancellationToken cancellationToken)
    {
        var (form, _) = await ConsoleForms.ReadAsync(context, antiforgery, null, cancellationToken);
        if (form is null)
        {
            return LinkPages.FormExpired();
        }

        var choice = AreaImportChoice.Read(form);
        var file = await ReadFileAsync(choice, uploads, reader, options.Value, l, cancellationToken);
        if (file.Problem is not null)
        {
            return await Preview(choice, null, context, antiforgery, uploads, reader, options.Value, mediator, l, cancellationToken);
        }

        try
        {
            var result = await mediator.Send(new ImportAreasCommand(file.Features, choice.Kind, choice.NameProperty, choice.CodeProperty,
                $"console upload of {file.Choice.FileName} by {context.User.Identity?.Name}", choice.SkipRejected), cancellationToken);
            uploads.Delete(choice.Upload);
            return TypedResults.Redirect($"/admin/areas?kind={Uri.EscapeDataString(choice.Kind!)}&added={result.Created}&updated={result.Updated}");
        }
        catch (ValidationException ex)
        {
            return await Preview(choice, ConsoleForms.ErrorsOf(ex, Fields, "rejected"), context, antiforgery, uploads, reader, options.Value, mediator,
                l, cancellationToken);
        }
    }

    public static async Task<RazorComponentResult<AreaPage>> AreaPage(int id, IMediator mediator, IOptions<MapOptions> map, TimeProvider clock,
        CancellationToken cancellationToken) =>
        new(new { Detail = await mediator.Send(new GetAreaQuery(id), cancellationToken), Map = map.Value, Now = clock.GetUtcNow() });

    public static async Task<IResult> AreaShape(int id, IMediator mediator, CancellationToken cancellationToken)
    {
        var detail = await mediator.Send(new GetAreaQuery(id), cancellationToken);
        var area = detail.Area;
        return TypedResults.Bytes(AreasGeoJson.Write([new OperatorArea(area.Id, area.Name, area.Kind, detail.GeometryWkb)]), "application/geo+json");
    }

    private static async Task<IResult> Preview(AreaImportChoice choice, Dictionary<string, string[]>? importErrors, HttpContext context,
        IAntiforgery antiforgery, ConsoleUploads uploads, FeatureFileReader reader, AdminImportOptions options, IMediator mediator,
        IStringLocalizer<ConsolePages> l, CancellationToken cancellationToken)
    {
        var file = await ReadFileAsync(choice, uploads, reader, options, l, cancellationToken);
        choice = file.Choice;
        var errors = importErrors ?? [];
        AreaImportPreview? preview = null;
        if (file.Problem is { } problem)
        {
            errors[file.Objects.Count > 1 && choice.TopologyObject is not null ? "object" : "file"] = [problem];
        }
        else if (importErrors is null)
        {
            try
            {
                preview = await mediator.Send(new PreviewAreaImportQuery(file.Features, choice.Kind, choice.NameProperty, choice.CodeProperty),
                    cancellationToken);
            }
            catch (ValidationException ex)
            {
                errors = ConsoleForms.ErrorsOf(ex, Fields, "file");
            }
        }

        return new RazorComponentResult<AreaImportPage>(new
        {
            Choice = choice,
            file.Objects,
            file.Keys,
            Preview = preview,
            Errors = errors,
            Form = LinkPages.FormTokenFor(antiforgery, context),
            Expired = file.Expired,
        })
        {
            StatusCode = errors.Count > 0 ? StatusCodes.Status400BadRequest : StatusCodes.Status200OK,
        };
    }

    private sealed record UploadedFile(AreaImportChoice Choice, IReadOnlyList<string> Objects, IReadOnlyList<string> Keys,
        IReadOnlyList<SourceFeature> Features, string? Problem, bool Expired = false);

    /// <summary>The kept upload read with the chosen object (the first, until one is chosen); its keys make the property choices.</summary>
    private static async Task<UploadedFile> ReadFileAsync(AreaImportChoice choice, ConsoleUploads uploads, FeatureFileReader reader,
        AdminImportOptions options, IStringLocalizer<ConsolePages> l, CancellationToken cancellationToken)
    {
        IReadOnlyList<string> objects = [];
        choice = choice with { FileName = uploads.NameOf(choice.Upload) };
        try
        {
            await using (var stream = uploads.Open(choice.Upload))
            {
                if (stream is null)
                {
                    return new UploadedFile(choice, [], [], [], l["The uploaded file is no longer kept (uploads last two hours); choose it again."], true);
                }

                objects = await reader.TopologyObjectsAsync(stream, options.MaxUploadBytes, cancellationToken);
            }

            choice = choice with { TopologyObject = objects.Count == 0 ? null : choice.TopologyObject ?? objects[0] };
            await using var again = uploads.Open(choice.Upload)!;
            var features = await reader.ReadAsync(again, options.UploadLimits(), choice.TopologyObject, cancellationToken);
            var keys = features.SelectMany(f => f.Properties.Keys).Concat(features.Any(f => f.Id is not null) ? ["id"] : [])
                .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
            return new UploadedFile(choice.WithGuesses(keys), objects, keys, features, null);
        }
        catch (ImportFileException ex)
        {
            return new UploadedFile(choice, objects, [], [], ex.Message);
        }
    }

    private static async Task<RazorComponentResult<AreasPage>> List(string? q, string? kind, string? done, Dictionary<string, string[]> errors, int status,
        IMediator mediator, IAntiforgery antiforgery, HttpContext context, AdminImportOptions options, CancellationToken cancellationToken)
    {
        var all = await mediator.Send(new ListAreasQuery(null), cancellationToken);
        var kinds = all.Select(a => a.Kind).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var found = string.IsNullOrWhiteSpace(q) && string.IsNullOrEmpty(kind) ? all : await mediator.Send(new ListAreasQuery(kind is "" ? null : kind, q), cancellationToken);
        return new(new
        {
            Areas = found,
            Total = all.Count,
            Kinds = kinds,
            Search = q,
            Kind = kind,
            Done = done,
            Errors = errors,
            Form = LinkPages.FormTokenFor(antiforgery, context),
            MaxUploadBytes = options.MaxUploadBytes,
        })
        {
            StatusCode = status,
        };
    }
}
