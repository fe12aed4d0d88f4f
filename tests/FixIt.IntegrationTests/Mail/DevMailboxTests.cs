using System.Net;
using System.Text.RegularExpressions;
using FixIt.Infrastructure.Persistence;
using FixIt.IntegrationTests.Infrastructure;

namespace FixIt.IntegrationTests.Mail;

/// <summary>With no SMTP set up, mail goes to .eml files listed at /dev/mail in Development, so a newcomer can click the links.</summary>
public sealed class DevMailboxTests
{
    [Fact]
    public async Task Development_mailbox_lists_the_confirmation_and_its_link_confirms_the_report()
    {
        await using var app = await FixItApp.StartAsync(DatabaseProvider.Sqlite, new Dictionary<string, string?>
        {
            ["environment"] = "Development",
            ["Mail:PollInterval"] = "00:00:00.100",
        });
        var id = (await app.Client.SubmitAsync(ReportRequests.Valid("Dark corner by the park"))).GetProperty("id").GetInt32();

        var folder = Path.Combine(app.DataFolder, "mail");
        await SmtpSink.WaitUntilAsync(() => Directory.Exists(folder) && Directory.EnumerateFiles(folder, "*.eml").Any(), TimeSpan.FromSeconds(20), "an .eml file");
        var list = await app.Client.GetStringAsync("dev/mail");
        Assert.Contains("Confirm your report: Dark corner by the park", list, StringComparison.Ordinal);
        var messagePath = Regex.Match(list, "href=\"/(dev/mail/[^\"]+\\.eml)\"").Groups[1].Value;

        var message = await app.Client.GetStringAsync(messagePath);
        // The pickup file has no envelope; the VERP envelope sender shows as Return-Path, as delivered mail has it.
        Assert.Contains("Return-Path", message, StringComparison.Ordinal);
        Assert.Matches(@"bounce\+[a-z2-7]{8,40}@reply\.fixit\.localhost", WebUtility.HtmlDecode(message));
        var confirmUrl = Regex.Match(message, "<a href=\"(http://localhost:5080/confirm/[^\"]+)\">").Groups[1].Value;
        Assert.False(string.IsNullOrEmpty(confirmUrl), message);
        using var confirmed = await app.Client.SubmitLinkFormAsync(new Uri(confirmUrl).AbsolutePath.TrimStart('/'));

        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        Assert.Equal("open", (await app.Client.GetJsonAsync($"api/reports/{id}")).GetProperty("status").GetString());
        using var traversal = await app.Client.GetAsync("dev/mail/..%2Ffixit.db");
        Assert.Equal(HttpStatusCode.NotFound, traversal.StatusCode);
    }

    [Fact]
    public async Task Mailbox_page_does_not_exist_outside_development()
    {
        await using var app = await FixItApp.StartAsync(DatabaseProvider.Sqlite);

        using var response = await app.Client.GetAsync("dev/mail");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
