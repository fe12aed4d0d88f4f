using MailKit.Net.Smtp;

namespace FixIt.Infrastructure.Mail.Sending;

/// <summary>Sends through MailKit over a pooled, reused connection.</summary>
internal sealed class SmtpMailTransport(SmtpConnectionPool pool, MailOptions options, TimeProvider clock) : IMailTransport, IDisposable
{
    public int Parallelism => options.PoolSize;

    public async Task<SendOutcome[]> SendAsync(IReadOnlyList<OutgoingMail> messages, CancellationToken cancellationToken)
    {
        var outcomes = new SendOutcome[messages.Count];
        SmtpConnectionPool.Connection? connection;
        try
        {
            connection = await pool.RentAsync(cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return Fill(outcomes, 0, SendResult.NotAttempted, null);
        }
        catch (Exception ex) when (SmtpErrors.IsConnectionProblem(ex) || ex is SmtpCommandException)
        {
            return Fill(outcomes, 0, SendResult.Transient, $"Could not connect to {options.SmtpHost}:{options.SmtpPort}: {ex.Message}");
        }

        var healthy = true;
        var reconnected = false;
        try
        {
            for (var i = 0; i < messages.Count; i++)
            {
                if (cancellationToken.IsCancellationRequested)
                {
                    return Fill(outcomes, i, SendResult.NotAttempted, null);
                }

                try
                {
                    // The explicit envelope: MAIL FROM is the VERP bounce address, not the From header.
                    await connection.Client.SendAsync(messages[i].Message, messages[i].EnvelopeFrom, messages[i].Recipients, cancellationToken);
                    outcomes[i] = new SendOutcome(SendResult.Sent, clock.GetUtcNow());
                }
                catch (SmtpCommandException ex)
                {
                    // The server answered; the connection is still good for the next message.
                    var result = SmtpErrors.IsPermanent(ex) ? SendResult.Permanent : SendResult.Transient;
                    outcomes[i] = new SendOutcome(result, clock.GetUtcNow(), $"{(int)ex.StatusCode} {ex.Message}");
                }
                catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
                {
                    healthy = false;
                    outcomes[i] = new SendOutcome(SendResult.Unknown, clock.GetUtcNow(), "Interrupted mid-send.");
                    return Fill(outcomes, i + 1, SendResult.NotAttempted, null);
                }
                catch (Exception ex) when (!reconnected && SmtpErrors.IsConnectionProblem(ex))
                {
                    // Servers close long-lived connections (a message limit, an idle timer): one fresh
                    // connection per batch before this counts as a failed attempt.
                    reconnected = true;
                    pool.Return(connection, healthy: false);
                    connection = null;
                    try
                    {
                        connection = await pool.RentAsync(cancellationToken);
                    }
                    catch (Exception again) when (SmtpErrors.IsConnectionProblem(again) || again is SmtpCommandException or OperationCanceledException)
                    {
                        return Fill(outcomes, i, SendResult.Transient, $"Connection lost and not regained: {again.Message}");
                    }

                    i--;
                }
                catch (Exception ex)
                {
                    // A broken connection, or something unforeseen: either way this connection is done with,
                    // and the message counts an attempt, so nothing loops forever or is dropped unseen.
                    healthy = false;
                    outcomes[i] = new SendOutcome(SendResult.Transient, clock.GetUtcNow(), $"Connection failed: {ex.Message}");
                    return Fill(outcomes, i + 1, SendResult.Transient, "Connection failed earlier in the batch.");
                }
            }

            return outcomes;
        }
        finally
        {
            if (connection is not null)
            {
                pool.Return(connection, healthy);
            }
        }
    }

    public void Dispose() => pool.Dispose();

    private SendOutcome[] Fill(SendOutcome[] outcomes, int from, SendResult result, string? error)
    {
        var now = clock.GetUtcNow();
        for (var i = from; i < outcomes.Length; i++)
        {
            outcomes[i] = new SendOutcome(result, now, error);
        }

        return outcomes;
    }
}
