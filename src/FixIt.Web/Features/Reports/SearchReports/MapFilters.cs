using FixIt.Domain.Reports;

namespace FixIt.Web.Features.Reports.SearchReports;

/// <summary>The /map filters as the query string carries them; the same names as the bbox API's.</summary>
public sealed record MapFilters(string Status, string? Category, string? Operator, int? Area, int? Age)
{
    public static readonly IReadOnlyList<(string Value, string Text)> Statuses =
        [("open", "Unresolved"), ("fixed", "Fixed"), ("closed", "Closed"), ("all", "Any status")];

    public static readonly IReadOnlyList<(int? Days, string Text)> Ages =
        [(null, "Any age"), (7, "Last 7 days"), (30, "Last 30 days"), (90, "Last 3 months"), (365, "Last year")];

    public StatusType? StatusType => ReportsGeoJson.TryParseStatusType(Status, out var type) ? type : Domain.Reports.StatusType.Open;
}
