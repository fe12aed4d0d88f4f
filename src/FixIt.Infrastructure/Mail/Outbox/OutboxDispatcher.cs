using FixIt.Domain.Messaging;
using FixIt.Infrastructure.Mail.Inbound;
using FixIt.Infrastructure.Mail.Sending;
using FixIt.Infrastructure.Persistence;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;

namespace FixIt.Infrastructure.Mail.Outbox;

/// <summary>
/// Sends the outbox: each worker claims a batch of due messages (a lease safe across instances), sends it over
/// one transport connection, and records the outcomes. Messages are never deleted or dropped: they end Sent or
/// Failed (visible to admins and on the report), and a crash leaves them claimed until the lease runs out.
/// </summary>
internal sealed partial class OutboxDispatcher(IServiceScopeFactory scopes, IMailTransport transport, IOptions<MailOptions> options,
    IOptions<InboundMailOptions> inboundOptions, TimeProvider clock, ILogger<OutboxDispatcher> logger) : BackgroundService
{
    private readonly MailOptions _options = options.Value;
    private readonly InboundMailOptions _inbound = inboundOptions.Value;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!_options.DispatcherEnabled)
        {
            return;
        }

        await Task.WhenAll(Enumerable.Range(0, transport.Parallelism).Select(_ => Task.Run(() => RunWorkerAsync(stoppingToken), CancellationToken.None)));
    }

    /// <summary>
    /// One worker, pipelined: while one batch is on the wire, the worker records the batch sent before it and then
    /// claims and builds the one after it (only when the current batch was full, so an idle outbox costs one query
    /// per poll). The database and MIME work of the neighbouring batches overlaps the SMTP work of this one; the
    /// worker's database steps still run one at a time, each batch in its own scope. A worker holds at most three
    /// batches claimed: one being recorded, one being sent, one built and waiting.
    /// </summary>
    private async Task RunWorkerAsync(CancellationToken stoppingToken)
    {
        Batch? current = null;
        Batch? sent = null;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                current ??= await PrepareAsync(stoppingToken);
                if (current.Messages.Count == 0)
                {
                    current = await DropAsync(current);
                    (var previous, sent) = (sent, null);
                    if (previous is not null)
                    {
                        await RecordAsync(previous);
                    }

                    await Task.Delay(_options.PollInterval, clock, stoppingToken);
                    continue;
                }

                var sending = SendAsync(current, stoppingToken);
                var (toRecord, claimNext) = (sent, current.Messages.Count >= _options.BatchSize);
                sent = null;
                var background = Task.Run(() => RecordThenPrepareAsync(toRecord, claimNext, stoppingToken), CancellationToken.None);
                try
                {
                    await sending;
                }
                finally
                {
                    // Whatever became of this send, the batch before it is recorded and the one after it claimed.
                    (sent, current) = (current, null);
                    current = await background;
                }

                if (current is null)
                {
                    // Nothing was claimed behind it: record this batch now rather than on the next round.
                    (var previous, sent) = (sent, null);
                    await RecordAsync(previous);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                // The database is unreachable, say: nothing was claimed, or the lease brings the claim back.
                LogCycleFailed(ex);
                current = await DropAsync(current);
                try
                {
                    await Task.Delay(_options.PollInterval, clock, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }
        }

        // Stopping: what was sent is recorded; a batch claimed but not sent is handed back rather than left to its lease.
        if (current is not null)
        {
            current.Outcomes = [.. current.Messages.Select(_ => new SendOutcome(SendResult.NotAttempted, clock.GetUtcNow()))];
        }

        foreach (var batch in new[] { sent, current })
        {
            if (batch is null)
            {
                continue;
            }

            try
            {
                await RecordAsync(batch);
            }
            catch (Exception ex)
            {
                LogCycleFailed(ex);
            }
        }
    }

    private async Task<Batch?> RecordThenPrepareAsync(Batch? sent, bool claimNext, CancellationToken cancellationToken)
    {
        if (sent is not null)
        {
            await RecordAsync(sent);
        }

        return claimNext ? await PrepareAsync(cancellationToken) : null;
    }

    /// <summary>Claims a batch in a scope of its own, which lives until the batch is recorded, and builds its messages.</summary>
    private async Task<Batch> PrepareAsync(CancellationToken cancellationToken)
    {
        var scope = scopes.CreateAsyncScope();
        try
        {
            var db = scope.ServiceProvider.GetRequiredService<FixItDbContext>();
            List<OutboxMessage> claimed;
            using (await scope.ServiceProvider.GetRequiredService<SqliteWriteGate>().EnterAsync(cancellationToken))
            {
                claimed = await OutboxClaimer.ClaimAsync(db, _options.BatchSize, _options.Lease, clock.GetUtcNow(), cancellationToken);
            }

            var batch = new Batch(scope, claimed);
            for (var i = 0; i < claimed.Count; i++)
            {
                try
                {
                    batch.Mails.Add((i, MimeMessageFactory.Create(claimed[i], _options, EnvelopeFrom(claimed[i]), clock.GetUtcNow())));
                }
                catch (Exception ex) when (ex is FormatException or ParseException or ArgumentException)
                {
                    batch.Built[i] = new SendOutcome(SendResult.Permanent, clock.GetUtcNow(), $"The message cannot be built: {ex.Message}");
                }
            }

            return batch;
        }
        catch
        {
            await scope.DisposeAsync();
            throw;
        }
    }

    /// <summary>Sends a batch and keeps the outcomes on it; never touches the database.</summary>
    private async Task SendAsync(Batch batch, CancellationToken cancellationToken)
    {
        var outcomes = batch.Built;
        var sent = batch.Mails.Count == 0 ? [] : await transport.SendAsync([.. batch.Mails.Select(s => s.Message)], cancellationToken);
        for (var j = 0; j < batch.Mails.Count; j++)
        {
            outcomes[batch.Mails[j].Index] = sent[j];
        }

        batch.Outcomes = outcomes;
    }

    /// <summary>
    /// Writes the outcomes in the batch's own scope, then ends that scope. A batch whose send failed unexpectedly
    /// has no outcomes: it is left claimed, and its lease decides.
    /// </summary>
    private async Task RecordAsync(Batch batch)
    {
        try
        {
            if (batch.Outcomes is not { } outcomes)
            {
                return;
            }

            var recorder = batch.Scope.ServiceProvider.GetRequiredService<OutboxRecorder>();
            await recorder.RecordAsync(batch.Messages, outcomes, CancellationToken.None);
            var sent = outcomes.Count(o => o.Result == SendResult.Sent);
            var failed = outcomes.Count(o => o.Result is SendResult.Transient or SendResult.Permanent);
            LogBatch(batch.Messages.Count, sent, failed);
            foreach (var (message, outcome) in batch.Messages.Zip(outcomes).Where(p => p.Second.Result is SendResult.Transient or SendResult.Permanent))
            {
                LogFailure(message.Id, message.Kind, message.Status, outcome.Error ?? "");
            }
        }
        finally
        {
            await batch.DisposeAsync();
        }
    }

    private static async Task<Batch?> DropAsync(Batch? batch)
    {
        if (batch is not null)
        {
            await batch.DisposeAsync();
        }

        return null;
    }

    /// <summary>The message's own bounce address (never a reply address), or the From address with VERP off or for mail queued before bounce keys.</summary>
    private string EnvelopeFrom(OutboxMessage message) =>
        _options.VerpEnvelopeSender && message.BounceKey is { } key ? ReplyAddress.BounceFor(key, _inbound) : _options.FromAddress;

    /// <summary>Claimed messages, their built MIME, their outcomes once sent, and the scope (and so the DbContext tracking them) they are recorded in.</summary>
    private sealed class Batch(AsyncServiceScope scope, List<OutboxMessage> messages) : IAsyncDisposable
    {
        public AsyncServiceScope Scope { get; } = scope;

        public List<OutboxMessage> Messages { get; } = messages;

        /// <summary>The messages that could be built, with their index in <see cref="Messages"/>.</summary>
        public List<(int Index, OutgoingMail Message)> Mails { get; } = [];

        /// <summary>Outcomes known before sending: messages that cannot be built.</summary>
        public SendOutcome[] Built { get; } = new SendOutcome[messages.Count];

        public SendOutcome[]? Outcomes { get; set; }

        public ValueTask DisposeAsync() => Scope.DisposeAsync();
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Outbox batch: {Claimed} claimed, {Sent} sent, {Failed} failed")]
    private partial void LogBatch(int claimed, int sent, int failed);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox message {Id} ({Kind}) not sent, now {Status}: {Error}")]
    private partial void LogFailure(long id, MailKind kind, OutboxStatus status, string error);

    [LoggerMessage(Level = LogLevel.Error, Message = "Outbox dispatch cycle failed")]
    private partial void LogCycleFailed(Exception exception);
}
