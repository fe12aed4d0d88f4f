using System.Threading.Channels;
using FixIt.Application.Abstractions;
using FixIt.Application.Features.Reports.SubmitReport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace FixIt.Infrastructure.Persistence;

/// <summary>
/// Group commit for report submissions (ADR 0218): the process's one writer of new reports. Requests queue prepared
/// submissions on a bounded channel; the writer takes whatever is queued when it comes round (up to
/// <see cref="MaxBatch"/>, never waiting for more, so a lone submission is written at once) and writes them in one unit
/// of work (<see cref="SubmissionBatch"/>: one transaction, one SQLite write turn, one commit). Each request is
/// answered after the commit. A batch that fails is written again one submission at a time, each in its own
/// transaction, so a bad row fails only its own request; a transient fault is retried by the unit of work itself,
/// the whole batch from new entities.
/// </summary>
internal sealed partial class SubmissionWriter(IServiceScopeFactory scopes, ILogger<SubmissionWriter> logger) : BackgroundService, ISubmissionWriter
{
    /// <summary>Submissions written in one transaction at most.</summary>
    public const int MaxBatch = 64;

    // Full, a request waits for room: back-pressure, not an unbounded queue in memory.
    private readonly Channel<Queued> _queue = Channel.CreateBounded<Queued>(new BoundedChannelOptions(16 * MaxBatch)
    {
        SingleReader = true,
        FullMode = BoundedChannelFullMode.Wait,
    });

    /// <summary>Submissions queued and not yet taken by the writer (tests wait on it to form a batch).</summary>
    internal int QueuedCount => _queue.Reader.Count;

    public async Task<SubmittedReport> WriteAsync(PendingSubmission submission, CancellationToken cancellationToken)
    {
        var queued = new Queued(submission, new TaskCompletionSource<SubmittedReport>(TaskCreationOptions.RunContinuationsAsynchronously));
        await _queue.Writer.WriteAsync(queued, cancellationToken);
        // Not cancelled by the request: once queued it may be committed, and the caller must not act as if it were not
        // (the handler removes the photos' files of a submission that failed).
        return await queued.Answer.Task;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = new List<Queued>(MaxBatch);
        try
        {
            while (await _queue.Reader.WaitToReadAsync(stoppingToken))
            {
                batch.Clear();
                while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var next))
                {
                    batch.Add(next);
                }

                await WriteAsync(batch, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: what is still queued was never written.
        }
        finally
        {
            _queue.Writer.TryComplete();
            while (_queue.Reader.TryRead(out var left))
            {
                left.Answer.TrySetCanceled(stoppingToken);
            }
        }
    }

    private async Task WriteAsync(List<Queued> batch, CancellationToken cancellationToken)
    {
        try
        {
            var answers = await WriteInScopeAsync([.. batch.Select(q => q.Submission)], cancellationToken);
            for (var i = 0; i < batch.Count; i++)
            {
                batch[i].Answer.TrySetResult(answers[i]);
            }

            LogBatch(batch.Count);
            return;
        }
        catch (Exception ex) when (batch.Count == 1 || cancellationToken.IsCancellationRequested)
        {
            batch.ForEach(q => q.Answer.TrySetException(ex));
            return;
        }
        catch (Exception ex)
        {
            // Nothing of the batch was stored: write each alone, so only the submission that failed it fails.
            LogBatchFailed(batch.Count, ex);
        }

        foreach (var queued in batch)
        {
            try
            {
                queued.Answer.TrySetResult((await WriteInScopeAsync([queued.Submission], cancellationToken))[0]);
            }
            catch (Exception ex)
            {
                queued.Answer.TrySetException(ex);
            }
        }
    }

    // A scope, and so a context, per write: nothing tracked by one batch is seen by the next.
    private async Task<IReadOnlyList<SubmittedReport>> WriteInScopeAsync(IReadOnlyList<PendingSubmission> submissions, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<SubmissionBatch>().WriteAsync(submissions, cancellationToken);
    }

    private sealed record Queued(PendingSubmission Submission, TaskCompletionSource<SubmittedReport> Answer);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Submissions: a batch of {Count} committed")]
    private partial void LogBatch(int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Submissions: a batch of {Count} failed; writing them one at a time")]
    private partial void LogBatchFailed(int count, Exception exception);
}
