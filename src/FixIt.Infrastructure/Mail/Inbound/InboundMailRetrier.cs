using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace FixIt.Infrastructure.Mail.Inbound;

/// <summary>
/// Processes again stored messages left Received by a crash or a passing failure (the database was down
/// while recording), so a message accepted with 250 is never just forgotten.
/// </summary>
internal sealed partial class InboundMailRetrier(InboundMailProcessor processor, TimeProvider clock, ILogger<InboundMailRetrier> logger)
    : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromMinutes(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, clock);
        do
        {
            try
            {
                var retried = await processor.RetryPendingAsync(Interval, stoppingToken);
                if (retried > 0)
                {
                    LogRetried(retried);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogRetryFailed(ex.GetType().Name, ex.Message);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Processed {Count} inbound messages again")]
    private partial void LogRetried(int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Retrying inbound messages failed with {Error}: {Message}")]
    private partial void LogRetryFailed(string error, string message);
}
