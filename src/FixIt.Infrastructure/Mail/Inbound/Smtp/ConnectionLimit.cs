using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using SmtpServer;
using SmtpServer.IO;
using SmtpServer.Net;

namespace FixIt.Infrastructure.Mail.Inbound.Smtp;

/// <summary>
/// Accepts the listener's connections. At most <c>MaxConnections</c> sessions at once (further connections wait
/// in the listen backlog until one ends, as an MTA's process limit does) and at most
/// <c>MaxConnectionsPerAddress</c> from one client address: a connection beyond that is answered 421 and closed,
/// so one client holding idle connections cannot keep everyone else out. Each session's data is spooled
/// (<see cref="SpoolingPipe"/>). Also tells the host which port it bound (port 0 picks one, for tests).
/// </summary>
internal sealed partial class ConnectionLimit(
    InboundMailOptions options,
    MessageSpool spool,
    Action<IPEndPoint> started,
    ILogger logger) : IEndpointListenerFactory, IDisposable
{
    private static readonly byte[] TooManyConnections = "421 4.7.0 Too many connections from your address, try again later\r\n"u8.ToArray();

    private readonly SemaphoreSlim _slots = new(options.Smtp.MaxConnections, options.Smtp.MaxConnections);
    private readonly Dictionary<IPAddress, int> _perAddress = [];

    public IEndpointListener CreateListener(IEndpointDefinition endpointDefinition)
    {
        var tcp = new TcpListener(endpointDefinition.Endpoint);
        tcp.Start(backlog: 512);
        started((IPEndPoint)tcp.LocalEndpoint);
        return new Listener(tcp, this);
    }

    public void Dispose() => _slots.Dispose();

    private bool TryEnter(IPAddress address)
    {
        lock (_perAddress)
        {
            var open = _perAddress.GetValueOrDefault(address);
            if (open >= options.Smtp.MaxConnectionsPerAddress)
            {
                return false;
            }

            _perAddress[address] = open + 1;
            return true;
        }
    }

    private void Leave(IPAddress address)
    {
        lock (_perAddress)
        {
            if (_perAddress.TryGetValue(address, out var open) && open > 1)
            {
                _perAddress[address] = open - 1;
            }
            else
            {
                _perAddress.Remove(address);
            }
        }

        _slots.Release();
    }

    private static IPAddress Normalise(IPAddress address) => address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;

    private async Task RefuseAsync(TcpClient client, IPAddress address)
    {
        LogRefused(address);
        using (client)
        {
            try
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                await client.GetStream().WriteAsync(TooManyConnections, timeout.Token);
            }
            catch (Exception ex) when (ex is IOException or SocketException or OperationCanceledException)
            {
                // The client is gone or not reading: closing is all that is left to do.
            }
        }
    }

    private async Task<ISecurableDuplexPipe> AcceptAsync(TcpListener tcp, ISessionContext context, CancellationToken cancellationToken)
    {
        while (true)
        {
            await _slots.WaitAsync(cancellationToken);
            TcpClient client;
            try
            {
                client = await tcp.AcceptTcpClientAsync(cancellationToken);
            }
            catch
            {
                _slots.Release();
                throw;
            }

            var remote = (IPEndPoint)client.Client.RemoteEndPoint!;
            var address = Normalise(remote.Address);
            if (!TryEnter(address))
            {
                _slots.Release();
                _ = RefuseAsync(client, address);
                continue;
            }

            context.Properties[EndpointListener.LocalEndPointKey] = tcp.LocalEndpoint;
            context.Properties[EndpointListener.RemoteEndPointKey] = remote;
            return new SpoolingPipe(client, context, spool, options.MaxMessageBytes, TimeSpan.FromSeconds(options.Smtp.CommandTimeoutSeconds),
                TimeSpan.FromSeconds(options.Smtp.MaxDataSeconds), () => Leave(address));
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Inbound SMTP connection from {Address} refused: too many open from that address")]
    private partial void LogRefused(IPAddress address);

    private sealed class Listener(TcpListener tcp, ConnectionLimit limit) : IEndpointListener
    {
        public Task<ISecurableDuplexPipe> GetPipeAsync(ISessionContext context, CancellationToken cancellationToken) =>
            limit.AcceptAsync(tcp, context, cancellationToken);

        public void Dispose() => tcp.Stop();
    }
}
