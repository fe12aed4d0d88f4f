using System.Net;
using SmtpServer;
using SmtpServer.IO;
using SmtpServer.Net;

namespace FixIt.Infrastructure.Mail.Inbound.Smtp;

/// <summary>
/// At most N sessions at once: further connections wait in the listen backlog until one ends, as an MTA's
/// process limit does. Also tells the host which port the listener bound (port 0 picks one, for tests).
/// </summary>
internal sealed class ConnectionLimit : IEndpointListenerFactory, IDisposable
{
    private const string SlotKey = "FixIt.ConnectionSlot";
    private readonly EndpointListenerFactory _inner = new();
    private readonly SemaphoreSlim _slots;

    public ConnectionLimit(int maxConnections, Action<IPEndPoint> started)
    {
        _slots = new SemaphoreSlim(maxConnections, maxConnections);
        _inner.EndpointStarted += (_, e) => started((IPEndPoint)e.LocalEndPoint);
    }

    public IEndpointListener CreateListener(IEndpointDefinition endpointDefinition) =>
        new Listener(_inner.CreateListener(endpointDefinition), _slots);

    /// <summary>Called when a session ends, however it ends.</summary>
    public void Release(ISessionContext context)
    {
        if (context.Properties.Remove(SlotKey))
        {
            _slots.Release();
        }
    }

    public void Dispose() => _slots.Dispose();

    private sealed class Listener(IEndpointListener inner, SemaphoreSlim slots) : IEndpointListener
    {
        public async Task<ISecurableDuplexPipe> GetPipeAsync(ISessionContext context, CancellationToken cancellationToken)
        {
            await slots.WaitAsync(cancellationToken);
            try
            {
                var pipe = await inner.GetPipeAsync(context, cancellationToken);
                context.Properties[SlotKey] = true;
                return pipe;
            }
            catch
            {
                slots.Release();
                throw;
            }
        }

        public void Dispose() => inner.Dispose();
    }
}
