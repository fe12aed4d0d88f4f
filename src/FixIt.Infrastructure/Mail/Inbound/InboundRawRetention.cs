using FixIt.Domain.Inbound;
using FixIt.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FixIt.Infrastructure.Mail.Inbound;

/// <summary>
/// Raw inbound mail holds whatever the sender wrote, attachments and quoted threads included: once a message has
/// been processed and InboundMail:RawRetentionDays have passed, its raw bytes are deleted. The row stays, with its
/// size, status, report and outcome, so what happened is still known. Messages never processed are kept.
/// </summary>
internal sealed partial class InboundRawRetention(
    IServiceScopeFactory scopes,
    IOptions<InboundMailOptions> options,
    TimeProvider clock,
    ILogger<InboundRawRetention> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromHours(1);
    private int _passes;

    /// <summary>Passes completed since start (for tests: a pass has run after the clock moved).</summary>
    public int Passes => Volatile.Read(ref _passes);

    public async Task<int> PurgeAsync(CancellationToken cancellationToken)
    {
        var before = clock.GetUtcNow() - TimeSpan.FromDays(options.Value.RawRetentionDays);
        var empty = Array.Empty<byte>();
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FixItDbContext>();
        return await db.InboundMessages
            .Where(m => m.Status != InboundMessageStatus.Received && m.ReceivedAt < before && m.Raw != empty)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.Raw, empty), cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, clock);
        do
        {
            try
            {
                var purged = await PurgeAsync(stoppingToken);
                if (purged > 0)
                {
                    LogPurged(purged, options.Value.RawRetentionDays);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogPurgeFailed(ex.GetType().Name, ex.Message);
            }

            Interlocked.Increment(ref _passes);
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Deleted the raw bytes of {Count} inbound messages processed more than {Days} days ago")]
    private partial void LogPurged(int count, int days);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Deleting old raw inbound mail failed with {Error}: {Message}")]
    private partial void LogPurgeFailed(string error, string message);
}
