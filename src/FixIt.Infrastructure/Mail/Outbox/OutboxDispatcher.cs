using FixIt.Domain.Messaging;
using FixIt.Infrastructure.Mail.Inbound;
using FixIt.Infrastructure.Mail.Sending;
using FixIt.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
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

    /// <summary>Claims, sends and records one batch; returns how many messages it claimed.</summary>
    public async Task<int> DispatchOnceAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FixItDbContext>();
        var claimed = await OutboxClaimer.ClaimAsync(db, _options.BatchSize, _options.Lease, clock.GetUtcNow(), cancellationToken);
        if (claimed.Count == 0)
        {
            return 0;
        }

        var outcomes = new SendOutcome[claimed.Count];
        var replyKeys = await ReplyKeysAsync(db, claimed, cancellationToken);
        var sendable = new List<(int Index, OutgoingMail Message)>(claimed.Count);
        for (var i = 0; i < claimed.Count; i++)
        {
            try
            {
                sendable.Add((i, MimeMessageFactory.Create(claimed[i], _options, EnvelopeFrom(claimed[i], replyKeys), clock.GetUtcNow())));
            }
            catch (Exception ex) when (ex is FormatException or ParseException or ArgumentException)
            {
                outcomes[i] = new SendOutcome(SendResult.Permanent, clock.GetUtcNow(), $"The message cannot be built: {ex.Message}");
            }
        }

        var sent = sendable.Count == 0 ? [] : await transport.SendAsync([.. sendable.Select(s => s.Message)], cancellationToken);
        for (var j = 0; j < sendable.Count; j++)
        {
            outcomes[sendable[j].Index] = sent[j];
        }

        // Recorded even when stopping: these messages have gone, and the database must say so.
        var recorder = scope.ServiceProvider.GetRequiredService<OutboxRecorder>();
        await recorder.RecordAsync(claimed, outcomes, CancellationToken.None);
        LogBatch(claimed.Count, outcomes.Count(o => o.Result == SendResult.Sent), outcomes.Count(o => o.Result is SendResult.Transient or SendResult.Permanent));
        foreach (var (message, outcome) in claimed.Zip(outcomes).Where(p => p.Second.Result is SendResult.Transient or SendResult.Permanent))
        {
            LogFailure(message.Id, message.Kind, message.Status, outcome.Error ?? "");
        }

        return claimed.Count;
    }

    /// <summary>The keys of the claimed messages' reports, read at send time: they never change, and a setting change applies to queued mail.</summary>
    private async Task<Dictionary<int, string>> ReplyKeysAsync(FixItDbContext db, List<OutboxMessage> claimed, CancellationToken cancellationToken)
    {
        var reportIds = claimed.Where(m => m.ReportId is not null).Select(m => m.ReportId!.Value).Distinct().ToList();
        return !_options.VerpEnvelopeSender || reportIds.Count == 0 ? []
            : await db.Reports.Where(r => reportIds.Contains(r.Id)).ToDictionaryAsync(r => r.Id, r => r.ReplyKey, cancellationToken);
    }

    private string EnvelopeFrom(OutboxMessage message, Dictionary<int, string> replyKeys) =>
        message.ReportId is { } id && replyKeys.TryGetValue(id, out var key) ? ReplyAddress.BounceFor(key, _inbound) : _options.FromAddress;

    private async Task RunWorkerAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var claimed = 0;
            try
            {
                claimed = await DispatchOnceAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // The database is unreachable, say: nothing was claimed, or the lease brings the claim back.
                LogCycleFailed(ex);
            }

            if (claimed < _options.BatchSize)
            {
                try
                {
                    await Task.Delay(_options.PollInterval, clock, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Outbox batch: {Claimed} claimed, {Sent} sent, {Failed} failed")]
    private partial void LogBatch(int claimed, int sent, int failed);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox message {Id} ({Kind}) not sent, now {Status}: {Error}")]
    private partial void LogFailure(long id, MailKind kind, OutboxStatus status, string error);

    [LoggerMessage(Level = LogLevel.Error, Message = "Outbox dispatch cycle failed")]
    private partial void LogCycleFailed(Exception exception);
}
