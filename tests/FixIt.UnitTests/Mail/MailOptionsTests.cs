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
}
