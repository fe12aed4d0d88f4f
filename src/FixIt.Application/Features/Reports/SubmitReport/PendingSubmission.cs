using FixIt.Application.Abstractions;
using FixIt.Domain.Routing;
using FixIt.Domain.Reports;

namespace FixIt.Application.Features.Reports.SubmitReport;

/// <summary>
/// A submission the request has validated, routed, placed and turned into everything but rows: what the report is made
/// of, the secret link's token and hash, and the photos already stored as files. The writer builds the entities from
/// it at each attempt (<see cref="BuildReport"/>), so a retried batch never re-adds an entity a failed attempt tracked.
/// </summary>
public sealed record PendingSubmission(NewReport Report, RoutingDecision Routing, DateTimeOffset SubmittedAt, string? Open311Token,
    string PendingToken, string PendingTokenHash, IReadOnlyList<StoredPhoto> Photos)
{
    /// <summary>A new <see cref="Domain.Reports.Report"/> with new attribute rows: nothing shared with an earlier attempt.</summary>
    public Report BuildReport() => Domain.Reports.Report.Submit(
        Report with { Attributes = [.. Report.Attributes.Select(a => new ReportAttribute(a.Code, a.Value))] },
        Routing, SubmittedAt, Open311Token);
}
