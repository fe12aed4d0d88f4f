using System.Text.Json;
using System.Text.Json.Serialization;
using FixIt.Application.Behaviours;
using FixIt.Application.Common;
using FixIt.Web.Features.Admin;
using FixIt.Web.Infrastructure;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace FixIt.Web;

internal static class WebServices
{
    public static IServiceCollection AddFixItWeb(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddMediator(options =>
        {
            options.ServiceLifetime = ServiceLifetime.Scoped;
            options.Assemblies = [typeof(FixIt.Application.DependencyInjection)];
            options.PipelineBehaviors =
            [
                typeof(LoggingBehaviour<,>),
                typeof(ValidationBehaviour<,>),
                typeof(RoutingRefreshBehaviour<,>),
                typeof(TransactionBehaviour<,>),
            ];
        });

        services.Configure<JsonOptions>(o =>
        {
            o.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
        });
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.AddProblemDetails(o => o.CustomizeProblemDetails = context =>
        {
            // The body reader refuses an oversize body before any handler runs; still name the culprit (unless a handler
            // already did, like an import file past its byte or vertex limit).
            if (context.ProblemDetails.Status == StatusCodes.Status413PayloadTooLarge
                && context.ProblemDetails is not HttpValidationProblemDetails { Errors.Count: > 0 })
            {
                context.ProblemDetails.Detail ??= context.HttpContext.RequestServices
                    .GetRequiredService<Microsoft.Extensions.Localization.IStringLocalizer<Infrastructure.ApiText>>()["The request body is larger than this endpoint accepts."];
                context.ProblemDetails.Extensions["errors"] = new Dictionary<string, string[]> { ["body"] = [context.ProblemDetails.Detail] };
            }

            // A JSON endpoint sent another content type answers 415 before any handler runs.
            if (context.ProblemDetails.Status == StatusCodes.Status415UnsupportedMediaType)
            {
                context.ProblemDetails.Detail ??= context.HttpContext.RequestServices
                    .GetRequiredService<Microsoft.Extensions.Localization.IStringLocalizer<Infrastructure.ApiText>>()["The request body must be a JSON object sent with Content-Type: application/json."];
                context.ProblemDetails.Extensions["errors"] = new Dictionary<string, string[]> { ["body"] = [context.ProblemDetails.Detail] };
            }
        });
        services.AddExceptionHandler<ProblemDetailsExceptionHandler>();
        services.AddFixItStaffAuthentication();
        services.AddOptions<AdminImportOptions>().Bind(configuration.GetSection(AdminImportOptions.SectionName))
            .Validate(o => o.MaxFileBytes is > 0 and <= 2L * 1024 * 1024 * 1024, "AdminImport:MaxFileBytes must be between 1 byte and 2 GiB.")
            .Validate(o => o.MaxUploadBytes is > 0 and <= 1024L * 1024 * 1024, "AdminImport:MaxUploadBytes must be between 1 byte and 1 GiB.")
            .Validate(o => o.MaxVertices >= 1 && o.MaxVerticesPerFeature >= 1, "AdminImport:MaxVertices and :MaxVerticesPerFeature must be 1 or more.")
            .ValidateOnStart();
        services.AddSingleton<FixIt.Infrastructure.Spatial.FeatureFileReader>();
        services.AddSingleton<Features.Admin.ConsoleUploads>();
        services.AddSingleton<Features.Admin.ConsoleNoticeCookie>();
        services.AddHttpContextAccessor();
        services.AddSingleton<FixIt.Application.Abstractions.ICurrentStaff, Features.Moderation.RequestStaff>();
        services.AddOpenApi(o => o.AddDocumentTransformer<PublicServerTransformer>());
        services.AddRazorComponents();
        services.AddAntiforgery();
        services.AddSingleton<Features.Reports.PendingReport.PendingReportsCookie>();
        services.AddSingleton<Features.Reports.GetReport.ReportNoticeCookie>();
        services.AddSingleton<Features.Privacy.MyReports.MyReportsSession>();
        services.AddSingleton<Features.Reports.SubmitReport.KeptPhotos>();
        services.AddFixItStaticAssets();
        services.AddSingleton(sp => new SiteTimeZone(SiteTimeZone.Find(sp.GetRequiredService<IOptions<SiteOptions>>().Value.TimeZone) ?? TimeZoneInfo.Utc));
        services.AddOptions<MapOptions>().Bind(configuration.GetSection(MapOptions.SectionName))
            .Validate(o => o.TileUrl.Length == 0 || (o.TileUrl.Contains("{z}", StringComparison.Ordinal) && o.TileUrl.Contains("{x}", StringComparison.Ordinal)
                && o.TileUrl.Contains("{y}", StringComparison.Ordinal)), "Map:TileUrl must be empty or a tile template with {z}, {x} and {y}.")
            .Validate(o => o.DefaultLatitude is >= -90 and <= 90 && o.DefaultLongitude is >= -180 and <= 180 && o.DefaultZoom is >= 1 and <= 19,
                "Map:DefaultLatitude, Map:DefaultLongitude and Map:DefaultZoom must be a place on Earth and a zoom from 1 to 19.")
            .ValidateOnStart();
        services.AddOptions<Features.Operators.ExportOptions>().Bind(configuration.GetSection(Features.Operators.ExportOptions.SectionName))
            .Validate(o => o.MaxRows is >= 1 and <= 1_000_000, "Exports:MaxRows must be between 1 and 1000000.")
            .ValidateOnStart();
        return services;
    }
}
