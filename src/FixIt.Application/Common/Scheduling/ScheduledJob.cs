using Mediator;
using Microsoft.Extensions.DependencyInjection;

namespace FixIt.Application.Common.Scheduling;

/// <summary>What one run of a scheduled job did: the items it handled, and whether it stopped at its batch size (more may be due).</summary>
public sealed record JobRun(int Handled, bool BatchFull)
{
    public static JobRun Of(int handled, int batchSize) => new(handled, handled >= batchSize);
}

/// <summary>
/// A scheduled job is one command with a parameterless constructor, sent by the scheduler every <c>FollowUp:PollInterval</c>
/// on every instance that runs the scheduler, and by tests when they want a run. Its handler is an ordinary use case: it
/// takes "now" from <see cref="TimeProvider"/>, handles at most a batch of due items in one transaction, and claims
/// each item with a compare-and-set update before acting on it, so two instances (or two runs) never act twice.
/// </summary>
public interface IScheduledJobCommand : ICommand<JobRun>;

/// <summary>A registered job: its name (for logs) and how to run it once.</summary>
public sealed record ScheduledJob(string Name, Func<ISender, CancellationToken, ValueTask<JobRun>> RunOnceAsync);

public static class ScheduledJobRegistration
{
    /// <summary>Adds a job: <c>services.AddScheduledJob&lt;SendRemindersCommand&gt;();</c> is the whole registration.</summary>
    public static IServiceCollection AddScheduledJob<TCommand>(this IServiceCollection services)
        where TCommand : IScheduledJobCommand, new() =>
        services.AddSingleton(new ScheduledJob(typeof(TCommand).Name, (sender, ct) => sender.Send((ICommand<JobRun>)new TCommand(), ct)));
}
