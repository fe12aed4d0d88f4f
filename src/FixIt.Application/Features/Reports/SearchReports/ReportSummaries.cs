using FixIt.Application.Abstractions;
using FixIt.Domain.Reports;
using Microsoft.EntityFrameworkCore;

namespace FixIt.Application.Features.Reports.SearchReports;

/// <summary>The columns a list of reports needs; names are joined in memory from the small lookup tables.</summary>
internal sealed record ReportRow(int Id, string Title, int CategoryId, ReportStatus Status, double Latitude, double Longitude,
    DateTimeOffset CreatedAt, int? OperatorId);

/// <summary>
/// Turns rows into summaries with category and operator names. Joining in SQL would widen every row of a
/// large scan; the lookup tables are a few hundred rows at most.
/// </summary>
internal sealed class ReportSummaries(IFixItDb db)
{
    private Dictionary<int, (string Code, string Name)>? _categories;
    private Dictionary<int, string>? _operators;

    public async Task<IReadOnlyList<ReportSummary>> ToSummariesAsync(IEnumerable<ReportRow> rows, CancellationToken cancellationToken)
    {
        var categories = await CategoriesAsync(cancellationToken);
        var operators = await OperatorsAsync(cancellationToken);
        return [.. rows.Select(r =>
        {
            var category = categories.GetValueOrDefault(r.CategoryId, (Code: "", Name: ""));
            return new ReportSummary(r.Id, r.Title, category.Code, category.Name, r.Status, ReportStatusRules.TypeOf(r.Status),
                r.Latitude, r.Longitude, r.CreatedAt, r.OperatorId is { } o ? operators.GetValueOrDefault(o) : null);
        })];
    }

    public async Task<Dictionary<int, (string Code, string Name)>> CategoriesAsync(CancellationToken cancellationToken) =>
        _categories ??= await db.Categories.AsNoTracking().ToDictionaryAsync(c => c.Id, c => (c.Code, c.Name), cancellationToken);

    public async Task<Dictionary<int, string>> OperatorsAsync(CancellationToken cancellationToken) =>
        _operators ??= await db.Operators.AsNoTracking().ToDictionaryAsync(o => o.Id, o => o.Name, cancellationToken);
}
