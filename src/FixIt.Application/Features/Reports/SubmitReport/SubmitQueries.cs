using System.Runtime.CompilerServices;
using FixIt.Application.Abstractions;
using FixIt.Domain.Categories;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace FixIt.Application.Features.Reports.SubmitReport;

/// <summary>
/// The submit path's reads as compiled queries: each runs once or twice per submission, and a compiled query skips
/// EF Core's query-cache key and look-up on every execution (docs/benchmarks.md, "Fourth pass": queries 7–8 % of a
/// submission's CPU). Typed on <see cref="DbContext"/>, which the database port is. A compiled query serves one model
/// only, and a process may hold several (the tests run SQLite and PostgreSQL apps side by side), so there is one per model.
/// </summary>
internal static class SubmitQueries
{
    private static readonly ConditionalWeakTable<IModel, Func<DbContext, string, Task<Category?>>> CategoryByCode = [];

    /// <summary>The category with this code, active or not, untracked; null when there is none.</summary>
    public static async Task<Category?> CategoryByCodeAsync(IFixItDb db, string code, CancellationToken cancellationToken)
    {
        var context = db as DbContext ?? throw new InvalidOperationException("The database port is not an EF Core context.");
        var query = CategoryByCode.GetValue(context.Model,
            _ => EF.CompileAsyncQuery((DbContext c, string categoryCode) => c.Set<Category>().AsNoTracking().SingleOrDefault(x => x.Code == categoryCode)));
        return await query(context, code).WaitAsync(cancellationToken);
    }
}
