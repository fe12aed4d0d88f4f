using FixIt.Domain.Reports;
using FixIt.Web.Features.Reports;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace FixIt.Web.Features.Benchmarks;

/// <summary>
/// The framework's ceiling for the submit benchmark (docs/benchmarks.md): <c>POST /bench/ceiling</c> reads the same
/// JSON body as <c>POST /api/reports</c>, through the same middleware, and answers a 201 of the same shape, touching
/// no database, mail or routing. Mapped only when <c>Benchmark:CeilingEndpoint</c> is true (default false), so a
/// deployed site never has it.
/// </summary>
internal static class CeilingEndpoint
{
    public const string SettingKey = "Benchmark:CeilingEndpoint";

    private static int _lastId;

    public static IEndpointRouteBuilder MapBenchmarkCeiling(this IEndpointRouteBuilder app, IConfiguration configuration)
    {
        if (configuration.GetValue<bool>(SettingKey))
        {
            app.MapPost("/bench/ceiling", Ceiling)
                .WithMetadata(new RequestSizeLimitAttribute(ReportsEndpoints.MaxReportBodyBytes))
                .ExcludeFromDescription()
                .DisableAntiforgery();
        }

        return app;
    }

    private static Created<SubmitReportResponse> Ceiling(SubmitReportRequest command)
    {
        var id = Interlocked.Increment(ref _lastId);
        var title = command.Title ?? "";
        return TypedResults.Created($"/bench/ceiling/{id}", new SubmitReportResponse(id, $"/bench/ceiling/{id}/{title.Length}", ReportStatusRules.StatusOfNewReport));
    }
}
