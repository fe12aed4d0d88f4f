using FixIt.Application.Common.Scheduling;
using FixIt.Application.Features.FollowUp;
using Mediator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FixIt.Infrastructure.Scheduling;

/// <summary>
/// Runs every registered <see cref="ScheduledJob"/> each <c>FollowUp:PollInterval</c>, in a scope of its own, on every
/// instance where <c>FollowUp:SchedulerEnabled</c> is true. There is no leader and no job lock: each job claims its
/// items in the database (ADR 0100), so instances running the same job at once split the work and never repeat it,
/// and a restart simply finds what is still due. A run that fills its batch is followed by another at once.
/// </summary>
internal sealed partial class ScheduledJobRunner(IEnumerable<ScheduledJob> jobs, IServiceScopeFactory scopes, IOptions<FollowUpOptions> options,
    TimeProvider clock, ILogger<ScheduledJobRunner> logger) : BackgroundService
{
    // A cap on back-to-back runs of one job per tick, so one busy job cannot starve the others.
    private const int MaxRunsPerTick = 20;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.SchedulerEnabled)
        {
            return;
        }

        var registered = jobs.ToList();
        while (!stoppingToken.IsCancellationRequested)
        {
            foreach (var job in registered)
            {
                await RunAsync(job, stoppingToken);
            }

            try
            {
                await Task.Delay(options.Value.PollInterval, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
    }

    private async Task RunAsync(ScheduledJob job, CancellationToken stoppingToken)
    {
        for (var run = 0; run < MaxRunsPerTick && !stoppingToken.IsCancellationRequested; run++)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var result = await job.RunOnceAsync(scope.ServiceProvider.GetRequiredService<ISender>(), stoppingToken);
                if (result.Handled > 0)
                {
                    LogRun(job.Name, result.Handled);
                }

                if (!result.BatchFull)
                {
                    return;
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // The database is away, say: the run's transaction rolled back, and the next tick finds the same work.
                LogFailed(ex, job.Name);
                return;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Scheduled job {Job} handled {Count} item(s)")]
    private partial void LogRun(string job, int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "Scheduled job {Job} failed")]
    private partial void LogFailed(Exception exception, string job);
}
