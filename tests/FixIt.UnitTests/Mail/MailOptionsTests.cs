using FixIt.Infrastructure.Mail;

namespace FixIt.UnitTests.Mail;

public sealed class MailOptionsTests
{
    [Fact]
    public void Defaults_need_no_smtp_server() => Assert.Empty(new MailOptions().Problems());

    [Fact]
    public void Every_bad_setting_is_named()
    {
        var options = new MailOptions
        {
            Transport = MailTransportKind.Smtp,
            SmtpUser = "fixit",
            FromAddress = "FixIt <fixit@example.org>",
            ReplyDomain = "not a domain",
            Lease = TimeSpan.FromSeconds(10),
            SmtpTimeout = TimeSpan.FromSeconds(30),
            RetryBaseDelay = TimeSpan.Zero,
        };

        var problems = options.Problems().ToList();

        Assert.Contains("Mail:SmtpHost is required when Mail:Transport is Smtp.", problems);
        Assert.Contains("Mail:SmtpUser and Mail:SmtpPassword go together.", problems);
        Assert.Contains("Mail:FromAddress must be a plain email address.", problems);
        Assert.Contains("Mail:ReplyDomain must be a DNS domain name.", problems);
        Assert.Contains("Mail:RetryBaseDelay must be positive.", problems);
        Assert.Contains(problems, p => p.StartsWith("Mail:Lease must be longer than Mail:SmtpTimeout", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("not-a-fingerprint", MailTlsMode.StartTls, "Mail:SmtpCertificateSha256 must be a SHA-256 fingerprint")]
    [InlineData("AB:CD", MailTlsMode.StartTls, "Mail:SmtpCertificateSha256 must be a SHA-256 fingerprint")]
    [InlineData("5D0C1D2F3A4B5C6D7E8F90A1B2C3D4E5F60718293A4B5C6D7E8F9001A2B3C4D5", MailTlsMode.None, "Mail:SmtpCertificateSha256 needs a TLS mode")]
    public void A_bad_certificate_pin_is_named(string pin, MailTlsMode mode, string expected)
    {
        var problems = new MailOptions { SmtpCertificateSha256 = pin, TlsMode = mode }.Problems().ToList();

        Assert.Contains(problems, p => p.StartsWith(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void A_pin_with_colons_in_either_case_is_accepted()
    {
        var hex = "5d0c1d2f3a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f9001a2b3c4d5";
        var options = new MailOptions { SmtpCertificateSha256 = string.Join(':', hex.Chunk(2).Select(c => new string(c))) };

        Assert.Empty(options.Problems());
    }
}
