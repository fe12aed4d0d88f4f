using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using FixIt.Infrastructure.Persistence;
using MailKit.Net.Smtp;
using MailKit.Security;

namespace FixIt.IntegrationTests.InboundMail;

/// <summary>A listener with a certificate (STARTTLS), two connections at most and a short command timeout.</summary>
public sealed class LimitedListenerFixture : IAsyncLifetime
{
    private readonly string _certificatePath = Path.Combine(Path.GetTempPath(), $"fixit-mx-{Guid.NewGuid():N}.pfx");

    public InboundMailApp Mail { get; private set; } = default!;

    public async Task InitializeAsync()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=mx.fixit.test", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], critical: false));
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        await File.WriteAllBytesAsync(_certificatePath, certificate.Export(X509ContentType.Pfx, "test-password"));

        Mail = await InboundMailApp.StartAsync(DatabaseProvider.Sqlite, new Dictionary<string, string?>
        {
            ["InboundMail:Smtp:CertificatePath"] = _certificatePath,
            ["InboundMail:Smtp:CertificatePassword"] = "test-password",
            ["InboundMail:Smtp:MaxConnections"] = "2",
            ["InboundMail:Smtp:CommandTimeoutSeconds"] = "2",
        });
    }

    public async Task DisposeAsync()
    {
        await Mail.DisposeAsync();
        File.Delete(_certificatePath);
    }
}

public sealed class SmtpListenerLimitsTests(LimitedListenerFixture fixture) : IClassFixture<LimitedListenerFixture>
{
    [Fact]
    public async Task With_a_certificate_STARTTLS_is_offered_and_a_reply_arrives_encrypted()
    {
        var mail = fixture.Mail;
        var (id, reply) = await mail.SentReportAsync("STARTTLS test");

        using (var client = new SmtpClient())
        {
            client.ServerCertificateValidationCallback = (_, certificate, _, _) => certificate?.Subject == "CN=mx.fixit.test";
            await client.ConnectAsync("127.0.0.1", mail.Smtp.Port, SecureSocketOptions.StartTls);
            Assert.True(client.IsSecure);
            await client.SendAsync(OperatorReply.To(reply, InboundMailApp.OperatorContact, "Sent over TLS with MailKit.", id));
            await client.DisconnectAsync(true);
        }

        var swaks = await Swaks.RunAsync(mail.Smtp, "--tls", "--from", InboundMailApp.OperatorContact, "--to", reply, "--body", "Sent over TLS with swaks.");
        Assert.True(swaks.ExitCode == 0, swaks.Output);
        Assert.Contains("TLS started", swaks.Output, StringComparison.Ordinal);

        var page = await mail.PageShowingAsync(id, "Sent over TLS with swaks.");
        Assert.Contains("Sent over TLS with MailKit.", page, StringComparison.Ordinal);
        Assert.Contains("Sent over TLS with swaks.", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Connections_beyond_the_limit_wait_until_one_ends()
    {
        var endpoint = fixture.Mail.Smtp;
        using var first = new TcpClient();
        using var second = new TcpClient();
        await first.ConnectAsync(endpoint);
        await second.ConnectAsync(endpoint);
        Assert.StartsWith("220", await ReadLineAsync(first, TimeSpan.FromSeconds(5)), StringComparison.Ordinal);
        Assert.StartsWith("220", await ReadLineAsync(second, TimeSpan.FromSeconds(5)), StringComparison.Ordinal);

        using var third = new TcpClient();
        await third.ConnectAsync(endpoint);
        var greeting = ReadLineAsync(third, TimeSpan.FromSeconds(15));
        await Task.Delay(TimeSpan.FromMilliseconds(700));
        Assert.False(greeting.IsCompleted, "A third session was served while two were open.");

        await first.GetStream().WriteAsync("QUIT\r\n"u8.ToArray());
        Assert.StartsWith("220", await greeting, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_idle_client_is_disconnected_after_the_command_timeout()
    {
        using var idle = new TcpClient();
        await idle.ConnectAsync(fixture.Mail.Smtp);
        Assert.StartsWith("220", await ReadLineAsync(idle, TimeSpan.FromSeconds(10)), StringComparison.Ordinal);

        // Nothing more is sent: the server gives up on its own (2 s configured), closing the connection.
        var buffer = new byte[512];
        using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        int read;
        do
        {
            read = await idle.GetStream().ReadAsync(buffer, wait.Token);
        }
        while (read > 0);

        Assert.Equal(0, read);
    }

    private static async Task<string> ReadLineAsync(TcpClient client, TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        var line = new List<byte>();
        var buffer = new byte[1];
        while (await client.GetStream().ReadAsync(buffer, cancel.Token) == 1 && buffer[0] != '\n')
        {
            line.Add(buffer[0]);
        }

        return System.Text.Encoding.ASCII.GetString([.. line]).TrimEnd('\r');
    }
}
