using System.Text.Json;
using FixIt.Application.Common;
using FixIt.Application.Features.Reports.GetReport;
using FixIt.Application.Features.Reports.SubmitReport;
using FixIt.Domain.Reports;
using FixIt.Web.Infrastructure.RateLimiting;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using FixIt.Web.Infrastructure.Localization;

namespace FixIt.Web.Features.Reports;

internal static class ReportsEndpoints
{
    /// <summary>
    /// Largest JSON body accepted for a new report: every field at its limit fits even written as <c>\uXXXX</c>
    /// escapes (6 bytes a code unit; a description of 4,000 flags is 16,000 code units, 96 KB escaped).
    /// </summary>
    public const long MaxReportBodyBytes = 512 * 1024;

    public static IEndpointRouteBuilder MapReportsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/reports").WithTags("Reports");
        group.MapPost("/", SubmitReport)
            .WithName(nameof(SubmitReport))
            .WithSummary("Report a problem at a place")
            .WithMetadata(new RequestSizeLimitAttribute(MaxReportBodyBytes))
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .RequireRateLimiting(RateLimitPolicies.Submit)
            .DisableAntiforgery();
        group.MapGet("/{id:int}", GetReport)
            .WithName(nameof(GetReport))
            .WithSummary("The public view of a report")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    /// <summary>
    /// The 201's <c>url</c> is the submitter's secret link while the report awaits confirmation (the only place it is
    /// shown until then); <c>Location</c>, /api/reports/{id}, answers 404 until the report is confirmed.
    /// </summary>
    public static async Task<Created<SubmitReportResponse>> SubmitReport(SubmitReportRequest body, IMediator mediator,
        IOptions<SiteOptions> site, CancellationToken cancellationToken)
    {
        var submitted = await mediator.Send(body.ToCommand(), cancellationToken);
        var url = ReportStatusRules.IsPublic(submitted.Status)
            ? site.Value.ReportUrl(submitted.Id)
            : site.Value.PendingReportUrl(submitted.Id, submitted.PendingToken);
        return TypedResults.Created($"/api/reports/{submitted.Id}", new SubmitReportResponse(submitted.Id, url, submitted.Status));
    }

    public static async Task<Ok<ReportView>> GetReport(int id, IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(new GetReportQuery(id), cancellationToken));
}

/// <summary>
/// The JSON body of POST /api/reports, as docs/api.md documents it. Every field is nullable so a missing one is named by
/// validation (as the command's property), not refused by the binder.
/// </summary>
internal sealed record SubmitReportRequest(string? CategoryCode, string? Title, string? Description, double? Latitude, double? Longitude,
    string? ReporterName, string? ReporterEmail, string? ReporterPhone, bool ShowName,
    IReadOnlyDictionary<string, JsonElement>? Attributes = null)
{
    public SubmitReportCommand ToCommand() =>
        new(CategoryCode, Title, Description, Latitude, Longitude, ReporterName, ReporterEmail, ReporterPhone, ShowName)
        {
            Source = EventSource.Api,
            Language = RequestLanguage.Current,
            Attributes = Attributes?.ToDictionary(a => a.Key, a => Values(a.Value), StringComparer.Ordinal),
        };

    // "code": "value" or "code": ["value", ...]; a number or true/false as written, for the question's type check.
    private static IReadOnlyList<string> Values(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Null or JsonValueKind.Undefined => [],
        JsonValueKind.String => [value.GetString()!],
        JsonValueKind.Array => [.. value.EnumerateArray().SelectMany(element => Values(element))],
        _ => [value.GetRawText()],
    };
}

/// <summary>The 201's body: the report's id, the address to see it at (absolute, on Site:PublicBaseUrl) and its status.</summary>
internal sealed record SubmitReportResponse(int Id, string Url, ReportStatus Status);
