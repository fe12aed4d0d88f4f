using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FixIt.Infrastructure.Routing;

/// <summary>Bound from the "Routing" section.</summary>
public sealed class RoutingOptions
{
    public const string SectionName = "Routing";

    /// <summary>How often each instance checks the stored routing version; changes elsewhere show within this.</summary>
    public double PollSeconds { get; set; } = 2;
}

/// <summary>Builds the routing index at start and rebuilds it whenever the stored routing version moves.</summary>
internal sealed partial class RoutingIndexRefresher(RoutingIndexHolder holder, IOptions<RoutingOptions> options, TimeProvider clock,
    ILogger<RoutingIndexRefresher> logger) : BackgroundService
{
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        // The first build happens before the app takes traffic, so no request waits for it.
        await holder.RefreshAsync(cancellationToken);
        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.PollSeconds), clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await holder.RefreshAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // A database blip must not stop polling; the old snapshot keeps serving meanwhile.
                LogRefreshFailed(ex);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Routing index refresh failed; keeping the current index")]
    private partial void LogRefreshFailed(Exception exception);
}
