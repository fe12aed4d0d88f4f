using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using MimeKit;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;
using SmtpResponse = SmtpServer.Protocol.SmtpResponse;

namespace FixIt.IntegrationTests.Mail;

/// <summary>A message as the SMTP server received it: envelope, raw bytes and parsed MIME.</summary>
public sealed record ReceivedMail(string EnvelopeFrom, IReadOnlyList<string> EnvelopeTo, string Raw, MimeMessage Message)
{
    /// <summary>Whether the session had switched to TLS (STARTTLS) when the message came.</summary>
    public bool OverTls { get; init; }

    public string Text => Message.TextBody ?? "";

    public string Subject => Message.Subject ?? "";

    public string To => string.Join(",", Message.To.Mailboxes.Select(m => m.Address));
}

/// <summary>
/// A real SMTP server (the SmtpServer package) on a free loopback port, in the test process. It can be told to
/// answer 4xx or 5xx, to hold a message before answering, and can be stopped and started again on the same port.
/// </summary>
public sealed class SmtpSink : IAsyncDisposable
{
    private readonly ConcurrentQueue<ReceivedMail> _received = new();
    private SmtpServer.SmtpServer? _server;
    private CancellationTokenSource? _stop;
    private Task? _running;
    private int _tempFailures;

    private SmtpSink(int port) => Port = port;

    public int Port { get; }

    public IReadOnlyList<ReceivedMail> Received => [.. _received];

    /// <summary>Messages to these recipients are refused with 554 after DATA.</summary>
    public ConcurrentDictionary<string, bool> RejectPermanently { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>When set, each message is stored and then the reply waits for this task (a send caught mid-flight).</summary>
    public Task? HoldReplyUntil { get; set; }

    /// <summary>The next N messages are answered 451 (try again later) and not stored.</summary>
    public void FailTemporarily(int messages) => Interlocked.Exchange(ref _tempFailures, messages);

    /// <summary>When set, the server requires AUTH with this user and password before it takes mail.</summary>
    public (string User, string Password)? RequiredLogin { get; private init; }

    /// <summary>When set, the server offers STARTTLS with this certificate and takes AUTH only after it.</summary>
    public X509Certificate2? Certificate { get; private init; }

    public static async Task<SmtpSink> StartAsync((string User, string Password)? requiredLogin = null, X509Certificate2? certificate = null)
    {
        var sink = new SmtpSink(FreePort()) { RequiredLogin = requiredLogin, Certificate = certificate };
        await sink.StartAgainAsync();
        return sink;
    }

    public async Task StartAgainAsync()
    {
        var options = new SmtpServerOptionsBuilder().ServerName("sink.test")
            .Endpoint(e =>
            {
                e.Endpoint(new IPEndPoint(IPAddress.Loopback, Port))
                    .AuthenticationRequired(RequiredLogin is not null).AllowUnsecureAuthentication(Certificate is null);
                if (Certificate is not null)
                {
                    e.Certificate(Certificate);
                }
            })
            .Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(new Store(this));
        services.Add(new SmtpServer.Authentication.DelegatingUserAuthenticator((user, password) =>
            RequiredLogin is not { } login || (user == login.User && password == login.Password)));
        _server = new SmtpServer.SmtpServer(options, services);
        _stop = new CancellationTokenSource();
        _running = _server.StartAsync(_stop.Token);
        await WaitUntilAsync(() => CanConnect(), TimeSpan.FromSeconds(10), "the SMTP sink to listen");
    }

    /// <summary>Stops listening and drops every open session: SMTP is down.</summary>
    public async Task StopAsync()
    {
        if (_server is null)
        {
            return;
        }

        _server.Shutdown();
        await _stop!.CancelAsync();
        try
        {
            await _running!.WaitAsync(TimeSpan.FromSeconds(10));
        }
        catch (OperationCanceledException)
        {
        }

        _stop.Dispose();
        _server = null;
    }

    public async Task<ReceivedMail> WaitForAsync(Func<ReceivedMail, bool> match, string what, int timeoutSeconds = 20)
    {
        ReceivedMail? found = null;
        await WaitUntilAsync(() => (found = _received.FirstOrDefault(match)) is not null, TimeSpan.FromSeconds(timeoutSeconds), what);
        return found!;
    }

    public async ValueTask DisposeAsync() => await StopAsync();

    public static async Task WaitUntilAsync(Func<bool> condition, TimeSpan timeout, string what)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"Timed out after {timeout.TotalSeconds:0} s waiting for {what}.");
            await Task.Delay(50);
        }
    }

    private bool CanConnect()
    {
        try
        {
            using var client = new TcpClient();
            client.Connect(IPAddress.Loopback, Port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private sealed class Store(SmtpSink sink) : MessageStore
    {
        public override async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction,
            ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            if (Interlocked.Decrement(ref sink._tempFailures) >= 0)
            {
                return new SmtpResponse((SmtpReplyCode)451, "4.3.0 Try again later");
            }

            var bytes = buffer.ToArray();
            var to = transaction.To.Select(m => $"{m.User}@{m.Host}").ToList();
            if (to.Any(sink.RejectPermanently.ContainsKey))
            {
                return new SmtpResponse((SmtpReplyCode)554, "5.7.1 Rejected for policy reasons");
            }

            using var stream = new MemoryStream(bytes);
            var message = await MimeMessage.LoadAsync(stream, cancellationToken);
            var mail = new ReceivedMail($"{transaction.From.User}@{transaction.From.Host}", to, System.Text.Encoding.UTF8.GetString(bytes), message)
            {
                OverTls = context.Pipe.IsSecure,
            };
            sink._received.Enqueue(mail);
            if (sink.HoldReplyUntil is { } hold)
            {
                await hold.WaitAsync(cancellationToken);
            }

            return SmtpResponse.Ok;
        }
    }
}
