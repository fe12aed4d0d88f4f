using System.Collections.Concurrent;
using FixIt.Application.Features.Inbound.RecordInboundMail;
using FixIt.Domain.Inbound;
using FixIt.Infrastructure.Mail.Inbound.Dkim;
using FixIt.Infrastructure.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FixIt.Infrastructure.Mail.Inbound;

/// <summary>
/// The one processing path of both the SMTP listener and the IMAP poller: store the raw message first, then
/// parse it and record it on its report. A message that cannot be parsed or applied stays stored, with the
/// error, for another try or an admin.
/// </summary>
public sealed partial class InboundMailProcessor(
    IServiceScopeFactory scopes,
    IOptions<InboundMailOptions> options,
    UpdatePhotoStore photos,
    DkimChecker dkim,
    TimeProvider clock,
    ILogger<InboundMailProcessor> logger)
{
    private readonly ConcurrentDictionary<long, byte> _inFlight = new();

    /// <summary>Stores the raw message. With a channel key already stored (a second poller, a restart) returns that row's id.</summary>
    public async Task<long> StoreAsync(InboundChannel channel, string? channelKey, string recipient, string? envelopeFrom, byte[] raw,
        CancellationToken cancellationToken)
    {
        var key = ReplyAddress.TryParse(recipient, options.Value, out var parsed, out _) ? parsed : null;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FixItDbContext>();
        var message = InboundMessage.Receive(channel, channelKey, recipient, envelopeFrom, key, raw, clock.GetUtcNow());
        db.InboundMessages.Add(message);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return message.Id;
        }
        catch (DbUpdateException) when (channelKey is not null)
        {
            await using var retry = scopes.CreateAsyncScope();
            var existing = await retry.ServiceProvider.GetRequiredService<FixItDbContext>().InboundMessages
                .Where(m => m.ChannelKey == channelKey).Select(m => (long?)m.Id).SingleOrDefaultAsync(cancellationToken);
            return existing ?? throw new InvalidOperationException($"Storing inbound message {channelKey} failed.");
        }
    }

    /// <summary>Parses and records a stored message; never throws for a bad message, only for cancellation.</summary>
    public async Task<InboundMessageStatus> ProcessAsync(long id, CancellationToken cancellationToken)
    {
        // The queue and the retrier may both hold an id: it is processed by one of them at a time.
        if (!_inFlight.TryAdd(id, 0))
        {
            return InboundMessageStatus.Received;
        }

        try
        {
            return await ProcessOnceAsync(id, cancellationToken);
        }
        finally
        {
            _inFlight.TryRemove(id, out _);
        }
    }

    private async Task<InboundMessageStatus> ProcessOnceAsync(long id, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FixItDbContext>();
        var stored = await db.InboundMessages.AsNoTracking().Where(m => m.Id == id)
            .Select(m => new { m.Raw, m.Recipient, m.EnvelopeFrom, m.Status, m.ReplyKey }).SingleAsync(cancellationToken);
        if (stored.Status != InboundMessageStatus.Received)
        {
            return stored.Status;
        }

        ReplyAddress.TryParse(stored.Recipient, options.Value, out _, out var toBounceAddress);
        // What FixIt sent this recipient about the report is never published back, whatever quoted it. A database
        // failure here is not the message's fault: it is tried again later, not parked.
        SentMailText sent;
        try
        {
            sent = toBounceAddress ? SentMailText.None : await SentMailLookup.ForKeyAsync(db, stored.ReplyKey, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return await FailAsync(id, $"{ex.GetType().Name}: {ex.GetBaseException().Message}", permanent: false, cancellationToken);
        }

        ParsedInboundMail parsed;
        try
        {
            var parse = Task.Run(() => InboundMailParser.Parse(stored.Raw, stored.EnvelopeFrom, toBounceAddress, options.Value, sent), CancellationToken.None);
            parsed = await parse.WaitAsync(TimeSpan.FromSeconds(options.Value.ParseTimeoutSeconds), cancellationToken);
        }
        catch (TimeoutException)
        {
            // A guard behind the linear parser: the message is parked for an admin, never tried again on its own.
            return await FailAsync(id, $"Parsing took longer than {options.Value.ParseTimeoutSeconds} s; parked", permanent: true, cancellationToken);
        }
        catch (MimeLimitException ex)
        {
            return await FailAsync(id, ex.Message, permanent: true, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Parsing is deterministic: trying again would fail again, so this is for an admin at once.
            return await FailAsync(id, $"Unreadable message: {ex.GetType().Name}: {ex.Message}", permanent: true, cancellationToken);
        }

        IReadOnlyList<EmailedPhoto> saved = [];
        try
        {
            var verdict = parsed.Message is null ? DkimVerdict.NoSignature : await dkim.CheckAsync(parsed.Message, cancellationToken);
            var dropped = new List<string>();
            saved = await photos.SaveAsync(parsed.Photos, cancellationToken, dropped);
            var mediator = scope.ServiceProvider.GetRequiredService<IMediator>();
            var status = await mediator.Send(new RecordInboundMailCommand(id, parsed.Mail with { Photos = saved, Dkim = verdict }), cancellationToken);
            if (status != InboundMessageStatus.Published)
            {
                photos.Delete(saved);
            }

            if (dropped.Count > 0)
            {
                await NoteAsync(id, dropped, cancellationToken);
            }

            LogProcessed(id, status);
            return status;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            photos.Delete(saved);
            return await FailAsync(id, $"{ex.GetType().Name}: {ex.GetBaseException().Message}", permanent: false, cancellationToken);
        }
    }

    /// <summary>Tries again messages left Received by a failure or a crash; run periodically.</summary>
    public async Task<int> RetryPendingAsync(TimeSpan olderThan, CancellationToken cancellationToken)
    {
        List<long> pending;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var before = clock.GetUtcNow() - olderThan;
            pending = await scope.ServiceProvider.GetRequiredService<FixItDbContext>().InboundMessages
                .Where(m => m.Status == InboundMessageStatus.Received && m.ReceivedAt < before)
                .OrderBy(m => m.Id).Select(m => m.Id).Take(50).ToListAsync(cancellationToken);
        }

        foreach (var id in pending)
        {
            await ProcessAsync(id, cancellationToken);
        }

        return pending.Count;
    }

    /// <summary>Adds to the outcome admins see what was left out of a recorded message (e.g. an oversized photo).</summary>
    private async Task NoteAsync(long id, IEnumerable<string> notes, CancellationToken cancellationToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<FixItDbContext>();
            var message = await db.InboundMessages.SingleAsync(m => m.Id == id, cancellationToken);
            message.AddNote(string.Join(" ", notes));
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The message is recorded; the note is a courtesy, and the photo's drop is logged already.
            LogFailed(id, $"Could not add a note: {ex.GetType().Name}: {ex.Message}");
        }
    }

    private async Task<InboundMessageStatus> FailAsync(long id, string error, bool permanent, CancellationToken cancellationToken)
    {
        LogFailed(id, error);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FixItDbContext>();
        var message = await db.InboundMessages.SingleAsync(m => m.Id == id, cancellationToken);
        if (message.Status != InboundMessageStatus.Received)
        {
            return message.Status;
        }

        message.Fail(error, permanent ? 1 : options.Value.MaxAttempts, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return message.Status;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Inbound message {Id} processed: {Status}")]
    private partial void LogProcessed(long id, InboundMessageStatus status);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Inbound message {Id} could not be processed: {Error}")]
    private partial void LogFailed(long id, string error);
}
