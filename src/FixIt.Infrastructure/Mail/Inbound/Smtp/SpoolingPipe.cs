using System.IO.Pipelines;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using SmtpServer;
using SmtpServer.IO;

namespace FixIt.Infrastructure.Mail.Inbound.Smtp;

/// <summary>The session's connection: plain or, after STARTTLS, encrypted, with message data always spooled.</summary>
internal sealed class SpoolingPipe : ISecurableDuplexPipe
{
    /// <summary>The session property under which the last message received is handed to the store.</summary>
    public const string MessageKey = "FixIt.SpooledMessage";

    private readonly TcpClient _client;
    private readonly ISessionContext _context;
    private readonly MessageSpool _spool;
    private readonly int _maxMessageBytes;
    private readonly TimeSpan _readTimeout;
    private readonly TimeSpan _maxData;
    private readonly Action _closed;
    private Stream _stream;
    private int _disposed;

    public SpoolingPipe(TcpClient client, ISessionContext context, MessageSpool spool, int maxMessageBytes, TimeSpan readTimeout, TimeSpan maxData,
        Action closed)
    {
        _closed = closed;
        _client = client;
        _context = context;
        _spool = spool;
        _maxMessageBytes = maxMessageBytes;
        _readTimeout = readTimeout;
        _maxData = maxData;
        _stream = client.GetStream();
        (Input, Output) = Wrap(_stream);
    }

    public PipeReader Input { get; private set; }

    public PipeWriter Output { get; private set; }

    public bool IsSecure => _stream is SslStream;

    public SslProtocols SslProtocol => (_stream as SslStream)?.SslProtocol ?? SslProtocols.None;

    public async Task UpgradeAsync(X509Certificate certificate, SslProtocols protocols, CancellationToken cancellationToken = default)
    {
        var ssl = new SslStream(_client.GetStream(), leaveInnerStreamOpen: true);
        try
        {
            await ssl.AuthenticateAsServerAsync(new SslServerAuthenticationOptions
            {
                ServerCertificate = certificate,
                ClientCertificateRequired = false,
                EnabledSslProtocols = protocols,
                CertificateRevocationCheckMode = X509RevocationMode.NoCheck,
            }, cancellationToken);
        }
        catch
        {
            await ssl.DisposeAsync();
            throw;
        }

        _stream = ssl;
        (Input, Output) = Wrap(ssl);
    }

    /// <summary>Takes the message the last DATA spooled, if any; the caller disposes it.</summary>
    public static SpooledMessage? TakeMessage(ISessionContext context) =>
        context.Properties.Remove(MessageKey, out var message) ? (SpooledMessage)message : null;

    private (PipeReader, PipeWriter) Wrap(Stream stream)
    {
        var spooling = new DataSpoolingStream(stream, _spool, Received, _maxMessageBytes, _readTimeout, _maxData);
        return (PipeReader.Create(spooling, new StreamPipeReaderOptions(leaveOpen: true)),
            PipeWriter.Create(spooling, new StreamPipeWriterOptions(leaveOpen: true)));
    }

    private void Received(SpooledMessage message)
    {
        // A message the store never took (the session ended first) is not kept.
        TakeMessage(_context)?.Dispose();
        _context.Properties[MessageKey] = message;
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        _closed();
        TakeMessage(_context)?.Dispose();
        _stream.Dispose();
        _client.Dispose();
    }
}
