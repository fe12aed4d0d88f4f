using FixIt.Domain.Reports;
using FixIt.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace FixIt.IntegrationTests.Faults;

/// <summary>
/// Watches the group-commit writer's saves (ADR 0218): records how many new reports each save holds, holds the writer
/// inside the transaction of the batch that holds a report titled <see cref="BlockerTitle"/> (once its rows are written)
/// until the test lets it go, so the submissions sent meanwhile queue up and are written as one batch; and refuses,
/// like a database constraint would, every save holding a report whose title starts with <see cref="PoisonPrefix"/>.
/// </summary>
public sealed class SubmissionBatchWatcher : SaveChangesInterceptor
{
    public const string BlockerTitle = "Blocker: the writer waits here";
    public const string PoisonPrefix = "Poison";

    private readonly TaskCompletionSource _blocked = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly List<int> _reportsPerSave = [];
    private int _holdAfterSave;

    /// <summary>Reports added by each save that added any, in order.</summary>
    public IReadOnlyList<int> ReportsPerSave
    {
        get
        {
            lock (_reportsPerSave)
            {
                return [.. _reportsPerSave];
            }
        }
    }

    /// <summary>Completes once the blocker's batch has written its reports and waits for <see cref="Release"/>.</summary>
    public Task Blocked => _blocked.Task;

    public void Release() => _release.TrySetResult();

    public void AddTo(IServiceCollection services) => services.ConfigureDbContext<FixItDbContext>(builder => builder.AddInterceptors(this));

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        var added = eventData.Context!.ChangeTracker.Entries<Report>().Where(e => e.State == EntityState.Added).Select(e => e.Entity.Title).ToList();
        if (added.Count > 0)
        {
            lock (_reportsPerSave)
            {
                _reportsPerSave.Add(added.Count);
            }
        }

        if (added.Any(t => t.StartsWith(PoisonPrefix, StringComparison.Ordinal)))
        {
            throw new DbUpdateException("Injected: the database refuses this report's row.");
        }

        if (added.Contains(BlockerTitle) && !_blocked.Task.IsCompleted)
        {
            Interlocked.Exchange(ref _holdAfterSave, 1);
        }

        return ValueTask.FromResult(result);
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (Interlocked.Exchange(ref _holdAfterSave, 0) == 1)
        {
            _blocked.TrySetResult();
            await _release.Task.WaitAsync(TimeSpan.FromSeconds(300), cancellationToken);
        }

        return result;
    }
}
