using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using FixIt.Domain.Messaging;
using FixIt.Infrastructure.Persistence;

namespace FixIt.IntegrationTests.Mail;

/// <summary>
/// STARTTLS towards the relay, against a real SMTP server that offers it with a self-signed certificate and takes
/// AUTH only over TLS: trusted by its pinned fingerprint, refused without the pin or with another one.
/// </summary>
public sealed class OutboxTlsTests : IDisposable
{
    private readonly X509Certificate2 _certificate = SelfSigned("relay.fixit.test");
    private readonly X509Certificate2 _other = SelfSigned("relay.fixit.test");

    public void Dispose()
    {
        _certificate.Dispose();
        _other.Dispose();
    }

    [Fact]
    public async Task Mail_goes_over_starttls_with_authentication_to_a_relay_whose_certificate_is_pinned()
    {
        await using var sink = await SmtpSink.StartAsync(("fixit", "s3cret"), _certificate);
        await using var app = await MailApps.StartAsync(DatabaseProvider.Sqlite, sink, s => Tls(s, _certificate.GetCertHashString(HashAlgorithmName.SHA256)));
        var reporter = MailApps.UniqueEmail("tls");

        await OutboxFaultTests.SubmitAsync(app, reporter);

        var received = await sink.WaitForAsync(m => m.To == reporter, "the confirmation over TLS");
        Assert.True(received.OverTls);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_certificate_that_is_not_pinned_or_not_the_pinned_one_is_refused_and_the_mail_waits(bool pinAnother)
    {
        await using var sink = await SmtpSink.StartAsync(("fixit", "s3cret"), _certificate);
        await using var app = await MailApps.StartAsync(DatabaseProvider.Sqlite, sink, s =>
            Tls(s, pinAnother ? string.Join(':', Convert.ToHexString(_other.GetCertHash(HashAlgorithmName.SHA256)).Chunk(2).Select(c => new string(c))) : null));
        var reporter = MailApps.UniqueEmail("untrusted");

        var id = await OutboxFaultTests.SubmitAsync(app, reporter);

        var waiting = await OutboxFaultTests.WaitForRowAsync(app, id, MailKind.ReporterConfirmation, m => m.Attempts >= 2, "retries against an untrusted certificate");
        Assert.Equal(OutboxStatus.Pending, waiting.Status);
        Assert.Contains("Could not connect", waiting.LastError, StringComparison.Ordinal);
        Assert.DoesNotContain(sink.Received, m => m.To == reporter);
    }

    private static void Tls(Dictionary<string, string?> settings, string? pin)
    {
        settings["Mail:TlsMode"] = "StartTls";
        settings["Mail:SmtpUser"] = "fixit";
        settings["Mail:SmtpPassword"] = "s3cret";
        settings["Mail:SmtpCertificateSha256"] = pin;
    }

    private static X509Certificate2 SelfSigned(string name)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest($"CN={name}", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], critical: false));
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));

        // Through PKCS #12, so the TLS stack on Linux gets a private key it can use.
        return X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pfx), null);
    }
}
