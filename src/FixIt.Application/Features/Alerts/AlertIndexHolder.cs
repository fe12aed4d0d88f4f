using FixIt.Application.Abstractions;
using FixIt.Domain.Alerts;
using Microsoft.EntityFrameworkCore;

namespace FixIt.Application.Features.Alerts;

/// <summary>
/// This instance's <see cref="AlertIndex"/>. Before each use the caller's database says which alert version is current
/// (one row read by key); an index built from an older version is rebuilt from the confirmed alerts first, so an alert
/// confirmed or stopped through any instance counts on every instance from its next match (ADR 0105).
/// </summary>
public sealed class AlertIndexHolder : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private AlertIndex _current = AlertIndex.Empty;

    public async Task<AlertIndex> CurrentAsync(IFixItDb db, CancellationToken cancellationToken)
    {
        var version = await db.AlertVersions.AsNoTracking().Where(v => v.Id == AlertVersion.SingletonId).Select(v => v.Version)
            .SingleAsync(cancellationToken);
        var current = Volatile.Read(ref _current);
        if (current.Version == version)
        {
            return current;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            current = Volatile.Read(ref _current);
            if (current.Version == version)
            {
                return current;
            }

            // Read after the version: a change committed in between is in the rows and moves the version again, so the
            // next use rebuilds once more; the index never misses a change it is labelled with.
            var rows = await db.AreaAlerts.AsNoTracking().Where(a => a.ConfirmedAt != null && a.UnsubscribedAt == null)
                .Select(a => new AlertShape(a.Id, a.Latitude, a.Longitude, a.RadiusMetres, a.AreaId,
                    a.Categories.Select(c => c.CategoryId).ToList()))
                .ToListAsync(cancellationToken);
            current = AlertIndex.Build(rows, version);
            Volatile.Write(ref _current, current);
            return current;
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();
}
