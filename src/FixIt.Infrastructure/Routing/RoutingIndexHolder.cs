using FixIt.Application.Routing;
using FixIt.Domain.Routing;
using FixIt.Infrastructure.Persistence;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FixIt.Infrastructure.Routing;

/// <summary>
/// Holds the current routing snapshot. Rebuilds run one at a time, off the request path (the refresher's poll, or
/// an admin write), and the new snapshot replaces the old with one atomic reference swap.
/// </summary>
internal sealed partial class RoutingIndexHolder(IServiceScopeFactory scopes, TimeProvider clock, ILogger<RoutingIndexHolder> logger)
    : IReportRouter, IRoutingIndexControl, IDisposable
{
    private readonly SemaphoreSlim _rebuild = new(1, 1);
    private RoutingSnapshot? _current;

    public RoutingSnapshot? Current => Volatile.Read(ref _current);

    public void Dispose() => _rebuild.Dispose();

    public async Task RefreshAsync(CancellationToken cancellationToken)
    {
        await _rebuild.WaitAsync(cancellationToken);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<FixItDbContext>();
            var stored = await RoutingSnapshotLoader.ReadVersionAsync(db, cancellationToken);
            if (Current is { } current && current.Version == stored)
            {
                return;
            }

            var started = clock.GetTimestamp();
            var snapshot = await RoutingSnapshotLoader.LoadAsync(db, LogSkipped, cancellationToken);
            Interlocked.Exchange(ref _current, snapshot);
            var elapsed = clock.GetElapsedTime(started);
            LogRebuilt(snapshot.Version, snapshot.Index.AreaCount, elapsed.TotalMilliseconds);
        }
        finally
        {
            _rebuild.Release();
        }
    }

    public Task RefreshAfterChangeAsync(CancellationToken cancellationToken) =>
        Current is null ? Task.CompletedTask : RefreshAsync(cancellationToken);

    public async Task<RoutingDecision> RouteAsync(double latitude, double longitude, int categoryId,
        IReadOnlyCollection<int> excludedOperatorIds, CancellationToken cancellationToken) =>
        (await ExplainAsync(latitude, longitude, categoryId, excludedOperatorIds, cancellationToken)).Decision;

    public async Task<RoutingExplanation> ExplainAsync(double latitude, double longitude, int? categoryId,
        IReadOnlyCollection<int> excludedOperatorIds, CancellationToken cancellationToken)
    {
        // Only the very first request of a process (before the refresher's first build) ever waits here.
        var snapshot = Current;
        if (snapshot is null)
        {
            await RefreshAsync(cancellationToken);
            snapshot = Current!;
        }

        var (areas, candidates) = snapshot.Candidates(latitude, longitude, categoryId, clock.GetUtcNow());
        return new RoutingExplanation(snapshot.Version, areas, candidates, RoutingResolver.Decide(areas, candidates, excludedOperatorIds));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Area {AreaId} has no readable polygon geometry; left out of routing")]
    private partial void LogSkipped(int areaId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Routing index version {Version} built: {Areas} areas in {ElapsedMs:0} ms")]
    private partial void LogRebuilt(long version, int areas, double elapsedMs);
}
