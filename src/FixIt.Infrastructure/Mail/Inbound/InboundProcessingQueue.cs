using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace FixIt.Infrastructure.Mail.Inbound;

/// <summary>
/// Stored SMTP messages are processed here, by a fixed number of workers, not inside the SMTP session: parsing
/// and recording a large message must neither hold the session nor run once per open connection. The session
/// waits a short while, so an ordinary reply is recorded by the time the sender sees 250, but never longer.
/// </summary>
internal sealed class InboundProcessingQueue(InboundMailProcessor processor, IOptions<InboundMailOptions> options) : BackgroundService
{
    private readonly Channel<(long Id, TaskCompletionSource Done)> _pending =
        Channel.CreateUnbounded<(long Id, TaskCompletionSource Done)>(new UnboundedChannelOptions { SingleWriter = false });

    /// <summary>Queues the stored messages and waits until they are processed or the wait is over, whichever is first.</summary>
    public async Task ProcessAsync(IReadOnlyList<long> ids, CancellationToken cancellationToken)
    {
        var done = new List<Task>(ids.Count);
        foreach (var id in ids)
        {
            var completion = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            await _pending.Writer.WriteAsync((id, completion), cancellationToken);
            done.Add(completion.Task);
        }

        try
        {
            await Task.WhenAll(done).WaitAsync(TimeSpan.FromSeconds(options.Value.SessionWaitSeconds), cancellationToken);
        }
        catch (TimeoutException)
        {
            // Still queued or being processed: the message is stored, so the sender may be told 250 now.
        }
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(Enumerable.Range(0, options.Value.ProcessingWorkers).Select(_ => WorkAsync(stoppingToken)));

    private async Task WorkAsync(CancellationToken stoppingToken)
    {
        await foreach (var (id, done) in _pending.Reader.ReadAllAsync(stoppingToken))
        {
            try
            {
                // Never throws for a bad message; left Received by a passing fault, the retrier takes it again.
                await processor.ProcessAsync(id, stoppingToken);
            }
            finally
            {
                done.TrySetResult();
            }
        }
    }
}
