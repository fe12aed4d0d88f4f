using FixIt.Infrastructure.Persistence;
using FixIt.IntegrationTests.FollowUp;
using FixIt.IntegrationTests.Infrastructure;
using FixIt.IntegrationTests.Mail;

namespace FixIt.IntegrationTests.Localization;

/// <summary>
/// An email says the language it is written in: <c>Content-Language</c> (RFC 3282) and <c>&lt;html lang&gt;</c> in its
/// HTML part; Welsh for a Welsh resident, English for the operator's.
/// </summary>
public sealed class MailLanguageTagsTests
{
    [Theory]
    [MemberData(nameof(AppsFixture.Providers), MemberType = typeof(AppsFixture))]
    public async Task A_welsh_residents_email_is_tagged_welsh_and_the_operators_english(DatabaseProvider provider)
    {
        await using var sink = await SmtpSink.StartAsync();
        await using var app = await MailApps.StartAsync(provider, sink, fakeClock: true);
        using var welsh = new HttpClient { BaseAddress = app.BaseAddress };
        welsh.DefaultRequestHeaders.Add("Accept-Language", "fr;q=0.9, cy;q=0.95, en;q=0.1");
        var reporter = MailApps.UniqueEmail("tagged");
        var body = ReportRequests.Valid("Golau stryd wedi diffodd");
        body["reporterEmail"] = reporter;
        var id = (await welsh.SubmitAsync(body)).GetProperty("id").GetInt32();

        var confirmation = await sink.WaitForAsync(m => m.To == reporter, "the confirmation email");
        Assert.Equal("cy", ContentLanguage(confirmation));
        Assert.StartsWith("<!DOCTYPE html><html lang=\"cy\"><head>", confirmation.Message.HtmlBody, StringComparison.Ordinal);
        Assert.Equal("Cadarnhewch eich adroddiad: Golau stryd wedi diffodd", confirmation.Subject);

        (await app.Client.SubmitLinkFormAsync(MailApps.LinkPath(confirmation, "confirm/"))).Dispose();
        var toOperator = await sink.WaitForAsync(m => m.To == FollowUpFlow.Council && m.Subject.Contains($"#{id}]", StringComparison.Ordinal), "the operator email");
        Assert.Equal("en", ContentLanguage(toOperator));
        Assert.StartsWith("<!DOCTYPE html><html lang=\"en\"><head>", toOperator.Message.HtmlBody, StringComparison.Ordinal);
    }

    // The message's own header block, as sent (MIME puts Content-* headers with the body entity, written in it).
    private static string? ContentLanguage(ReceivedMail mail)
    {
        var end = mail.Raw.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        var block = end < 0 ? mail.Raw : mail.Raw[..end];
        var line = block.Split("\r\n").SingleOrDefault(l => l.StartsWith("Content-Language:", StringComparison.OrdinalIgnoreCase));
        return line?["Content-Language:".Length..].Trim();
    }
}
