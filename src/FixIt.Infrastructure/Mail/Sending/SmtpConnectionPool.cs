using System.Collections.Concurrent;
using System.Security.Cryptography;
using MailKit.Net.Smtp;
using MailKit.Security;

namespace FixIt.Infrastructure.Mail.Sending;

/// <summary>
/// A few SMTP connections, connected and authenticated once and reused for batch after batch. A connection
/// idle for a while is checked with NOOP first, since servers drop idle clients.
/// </summary>
internal sealed class SmtpConnectionPool(MailOptions options, TimeProvider clock) : IDisposable
{
    private static readonly TimeSpan CheckAfterIdle = TimeSpan.FromSeconds(15);
    private readonly SemaphoreSlim _slots = new(options.PoolSize, options.PoolSize);
    private readonly ConcurrentBag<Connection> _idle = [];

    public async Task<Connection> RentAsync(CancellationToken cancellationToken)
    {
        await _slots.WaitAsync(cancellationToken);
        try
        {
            while (_idle.TryTake(out var connection))
            {
                if (await IsAliveAsync(connection, cancellationToken))
                {
                    return connection;
                }

                Discard(connection);
            }

            return await ConnectAsync(cancellationToken);
        }
        catch
        {
            _slots.Release();
            throw;
        }
    }

    public void Return(Connection connection, bool healthy)
    {
        if (healthy && connection.Client.IsConnected)
        {
            connection.LastUsed = clock.GetUtcNow();
            _idle.Add(connection);
        }
        else
        {
            Discard(connection);
        }

        _slots.Release();
    }

    public void Dispose()
    {
        while (_idle.TryTake(out var connection))
        {
            Discard(connection);
        }

        _slots.Dispose();
    }

    private async Task<Connection> ConnectAsync(CancellationToken cancellationToken)
    {
        var client = new SmtpClient { Timeout = (int)options.SmtpTimeout.TotalMilliseconds };
        if (options.PinnedCertificate is { } pin)
        {
            // Exactly the pinned certificate, whoever signed it; any other is refused even if an authority signed it.
            client.ServerCertificateValidationCallback = (_, certificate, _, _) =>
                certificate is not null && string.Equals(certificate.GetCertHashString(HashAlgorithmName.SHA256), pin, StringComparison.OrdinalIgnoreCase);
        }

        try
        {
            await client.ConnectAsync(options.SmtpHost, options.SmtpPort, SocketOptions(options.TlsMode), cancellationToken);
            if (!string.IsNullOrEmpty(options.SmtpUser))
            {
                await client.AuthenticateAsync(options.SmtpUser, options.SmtpPassword ?? "", cancellationToken);
            }

            return new Connection(client) { LastUsed = clock.GetUtcNow() };
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    private async Task<bool> IsAliveAsync(Connection connection, CancellationToken cancellationToken)
    {
        if (!connection.Client.IsConnected)
        {
            return false;
        }

        if (clock.GetUtcNow() - connection.LastUsed < CheckAfterIdle)
        {
            return true;
        }

        try
        {
            await connection.Client.NoOpAsync(cancellationToken);
            return true;
        }
        catch (Exception ex) when (SmtpErrors.IsConnectionProblem(ex))
        {
            return false;
        }
    }

    private static void Discard(Connection connection)
    {
        // A quit is a courtesy; a dead connection cannot take one, so do not wait on it.
        try
        {
            if (connection.Client.IsConnected)
            {
                connection.Client.Disconnect(quit: false);
            }
        }
        catch (Exception ex) when (SmtpErrors.IsConnectionProblem(ex))
        {
        }

        connection.Client.Dispose();
    }

    private static SecureSocketOptions SocketOptions(MailTlsMode mode) => mode switch
    {
        MailTlsMode.None => SecureSocketOptions.None,
        MailTlsMode.StartTls => SecureSocketOptions.StartTls,
        MailTlsMode.StartTlsWhenAvailable => SecureSocketOptions.StartTlsWhenAvailable,
        _ => SecureSocketOptions.SslOnConnect,
    };

    internal sealed class Connection(SmtpClient client)
    {
        public SmtpClient Client { get; } = client;

        public DateTimeOffset LastUsed { get; set; }
    }
}
