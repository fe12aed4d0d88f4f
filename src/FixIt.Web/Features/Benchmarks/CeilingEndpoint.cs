using FixIt.Domain.Reports;
using FixIt.Web.Features.Reports;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace FixIt.Web.Features.Benchmarks;

/// <summary>
/// The framework's ceiling for the submit benchmark (docs/benchmarks.md): <c>POST /bench/ceiling</c> reads the same
/// JSON body as <c>POST /api/reports</c>, through the same middleware, and answers a 201 of the same shape, touching
/// no database, mail or routing. Mapped only when <c>Benchmark:EnableCeilingEndpoint</c> is true (default false), so a
/// deployed site never has it.
/// </summary>
internal static class CeilingEndpoint
{
    public const string EnableSettingKey = "Benchmark:EnableCeilingEndpoint";

    private static int _lastIssuedId;

    public static IEndpointRouteBuilder MapBenchmarkCeiling(this IEndpointRouteBuilder app, IConfiguration configuration)
    {
        if (configuration.GetValue<bool>(EnableSettingKey))
        {
            app.MapPost("/bench/ceiling", AnswerLikeASubmission)
                .WithMetadata(new RequestSizeLimitAttribute(ReportsEndpoints.MaxReportBodyBytes))
                .ExcludeFromDescription()
                .DisableAntiforgery();
        }

        return app;
    }

    // The body is bound as a submission's is and read (its title's length goes into the url), so the binding is not skipped.
    private static Created<SubmitReportResponse> AnswerLikeASubmission(SubmitReportRequest submission)
    {
        var id = Interlocked.Increment(ref _lastIssuedId);
        var titleLength = (submission.Title ?? "").Length;
        return TypedResults.Created($"/bench/ceiling/{id}",
            new SubmitReportResponse(id, $"/bench/ceiling/{id}/{titleLength}", ReportStatusRules.StatusOfNewReport));
    }
}
