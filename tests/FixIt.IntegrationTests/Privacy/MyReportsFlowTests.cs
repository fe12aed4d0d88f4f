using System.Net;
using System.Text.Json;
using FixIt.Application.Features.Privacy;
using FixIt.IntegrationTests.FollowUp;
using FixIt.Infrastructure.Persistence;
using FixIt.IntegrationTests.Infrastructure;
using FixIt.IntegrationTests.Mail;
using Microsoft.EntityFrameworkCore;

namespace FixIt.IntegrationTests.Privacy;

/// <summary>"My reports" from the email form to erasure, through a real SMTP server on loopback.</summary>
public sealed class MyReportsFlowTests
{
    [Theory]
    [MemberData(nameof(AppsFixture.Providers), MemberType = typeof(AppsFixture))]
    public async Task List_hide_name_on_one_download_and_erase_from_the_emailed_link(DatabaseProvider provider)
    {
        await using var sink = await SmtpSink.StartAsync();
        await using var app = await MailApps.StartAsync(provider, sink);
        var address = MailApps.UniqueEmail("ada");
        var name = "Ada Quillfeather" + Guid.NewGuid().ToString("N")[..6];
        var (first, toOperator) = await NamedReportAsync(app, sink, address, name, "Lamp out on Quill Lane");
        var (second, _) = await NamedReportAsync(app, sink, address, name, "Pothole on Quill Lane");
        var (followed, _) = await ReportSubscriptionTests.PublicReportAsync(app, sink, MailApps.UniqueEmail("sam"));
        (await ReportSubscriptionTests.SubscribeAsync(app, followed, address)).Dispose();
        var subscribeMail = await sink.WaitForAsync(m => m.To == address && m.Subject.StartsWith("Confirm: updates", StringComparison.Ordinal), "the follow confirmation");
        (await app.Client.SubmitLinkFormAsync(MailApps.LinkPath(subscribeMail, "subscribe/"))).Dispose();
        Assert.Contains(name, await app.Client.GetStringAsync($"reports/{first}"), StringComparison.Ordinal);

        // 1. The form; the emailed link; a GET that changes nothing, the button that opens the list.
        Assert.Contains("action=\"/my\"", await app.Client.GetStringAsync("my"), StringComparison.Ordinal);
        using var asked = await app.Client.SubmitFormAsync("my", "my", ("email", address.ToUpperInvariant()));
        Assert.Equal(HttpStatusCode.OK, asked.StatusCode);
        var mail = await sink.WaitForAsync(m => m.To == address && m.Subject.StartsWith("Your reports", StringComparison.Ordinal), "the My reports link");
        var link = MailApps.LinkPath(mail, "my/link/");
        using (var scanner = await app.Client.GetAsync(link))
        {
            Assert.Equal(HttpStatusCode.OK, scanner.StatusCode);
        }

        using var opened = await app.Client.SubmitLinkFormAsync(link);
        Assert.Equal(HttpStatusCode.Redirect, opened.StatusCode);
        Assert.Equal("/my/reports", opened.Headers.Location!.OriginalString);

        // 2. The list: both reports with statuses, the reporter's updates, the subscription.
        var list = await app.Client.GetStringAsync("my/reports");
        Assert.Contains($"#{first} Lamp out on Quill Lane", list, StringComparison.Ordinal);
        Assert.Contains($"#{second} Pothole on Quill Lane", list, StringComparison.Ordinal);
        Assert.Contains("<td>Open</td>", list, StringComparison.Ordinal);
        Assert.Contains("Confirmed by the reporter.", list, StringComparison.Ordinal);
        Assert.Contains($"#{followed} Lamp out by the library: active", list, StringComparison.Ordinal);

        // The link worked once.
        using var reused = await app.Client.GetAsync(link);
        Assert.Equal(HttpStatusCode.Gone, reused.StatusCode);
        Assert.Contains("already been used", await reused.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // 3. Hide my name on the first report only: gone from its page and timeline, still on the second.
        using var hidden = await app.Client.SubmitFormAsync("my/reports", "my/hide-name", ("report", first.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(HttpStatusCode.Redirect, hidden.StatusCode);
        Assert.DoesNotContain(name, await app.Client.GetStringAsync($"reports/{first}"), StringComparison.Ordinal);
        Assert.DoesNotContain(name, await app.Client.GetStringAsync($"feeds/reports/{first}.atom"), StringComparison.Ordinal);
        Assert.Contains(name, await app.Client.GetStringAsync($"reports/{second}"), StringComparison.Ordinal);
        // The notice comes once, by the cookie set on the redirect; a link with ?done= says nothing.
        Assert.Equal("/my/reports", hidden.Headers.Location!.OriginalString);
        Assert.Contains("Your name is hidden", await app.Client.GetStringAsync("my/reports"), StringComparison.Ordinal);
        Assert.DoesNotContain("Your name is hidden", await app.Client.GetStringAsync("my/reports?done=name-hidden"), StringComparison.Ordinal);

        // 4. Download: everything linked to the address, as JSON.
        using var download = await app.Client.GetAsync("my/download");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/json", download.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition!.DispositionType);
        using var export = JsonDocument.Parse(await download.Content.ReadAsStringAsync());
        var reports = export.RootElement.GetProperty("reports");
        Assert.Equal([first, second], reports.EnumerateArray().Select(r => r.GetProperty("id").GetInt32()).Order());
        Assert.All(reports.EnumerateArray(), r => Assert.Equal(address, r.GetProperty("reporterEmail").GetString()));
        Assert.Equal(followed, export.RootElement.GetProperty("subscriptions")[0].GetProperty("reportId").GetInt32());
        Assert.Contains(export.RootElement.GetProperty("emails").EnumerateArray(), e => e.GetProperty("kind").GetString() == "myReportsLink");
        Assert.True(export.RootElement.GetProperty("updates").GetArrayLength() >= 4);

        // 5. Erase me.
        using var erased = await app.Client.SubmitFormAsync("my/reports", "my/erase", ("confirm", "yes"));
        Assert.Equal(HttpStatusCode.OK, erased.StatusCode);
        Assert.Contains("Your data is erased", await erased.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using (var after = await app.Client.GetAsync("my/reports"))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
        }

        // The address is nowhere in the database but as the erasure's keyed hash; the phone went with it.
        await app.WithDbAsync(async db =>
        {
            Assert.True(DatabaseScan.ColumnCount(db) > 40);
            Assert.Empty(await DatabaseScan.ColumnsContainingAsync(db, address));
            Assert.Empty(await DatabaseScan.ColumnsContainingAsync(db, name));
            Assert.Empty(await DatabaseScan.ColumnsContainingAsync(db, PhoneOf(address)));
            var hash = ErasureHash.Of(address, "");
            Assert.Equal(2, await db.Erasures.Where(e => e.AddressHash == hash).Select(e => e.Reports).SingleAsync());
            Assert.Equal(0, await db.ReportSubscriptions.CountAsync(s => s.ReportId == followed));
            return 0;
        });

        // No public surface shows the name; the reports stay, as a resident's.
        var slug = (await FollowUpFlow.CouncilAsync(app)).Slug;
        foreach (var path in new[] { $"reports/{first}", $"reports/{second}", $"api/reports/{second}", $"feeds/reports/{second}.atom",
            $"open311/v2/requests/{second}.json", $"operators/{slug}/reports.csv", $"feeds/operators/{slug}.atom" })
        {
            var body = await app.Client.GetStringAsync(path);
            Assert.DoesNotContain(name, body, StringComparison.Ordinal);
            Assert.DoesNotContain(address, body, StringComparison.OrdinalIgnoreCase);
        }

        Assert.Contains("A resident", await app.Client.GetStringAsync($"reports/{second}"), StringComparison.Ordinal);

        // No further email: an update on the report goes to nobody but the operator's record.
        var before = sink.Received.Count(m => m.To == address);
        using var note = await app.Client.SubmitLinkFormAsync(ReportLifeByEmailTests.ActionPath(toOperator, "note"), ("text", "Checked after the erasure."));
        Assert.Equal(HttpStatusCode.Redirect, note.StatusCode);
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.Equal(before, sink.Received.Count(m => m.To == address));
        await app.WithDbAsync(async db =>
        {
            Assert.Empty(await DatabaseScan.ColumnsContainingAsync(db, address));
            return 0;
        });
    }

    /// <summary>A phone number of the address's own, so a scan for it finds no one else's.</summary>
    private static string PhoneOf(string address) =>
        "+44 113 " + (Math.Abs(address.GetHashCode(StringComparison.Ordinal)) % 10_000_000).ToString("000 0000", System.Globalization.CultureInfo.InvariantCulture);

    internal static async Task<(int Id, ReceivedMail ToOperator)> NamedReportAsync(FixItApp app, SmtpSink sink, string address, string name, string title)
    {
        var body = ReportRequests.Valid(title);
        body["reporterEmail"] = address;
        body["reporterName"] = name;
        body["showName"] = true;
        body["reporterPhone"] = PhoneOf(address);
        var id = (await app.Client.SubmitAsync(body)).GetProperty("id").GetInt32();
        var confirmation = await sink.WaitForAsync(m => m.To == address && m.Subject.Contains(title, StringComparison.Ordinal), "the confirmation email");
        using var confirmed = await app.Client.SubmitLinkFormAsync(MailApps.LinkPath(confirmation, "confirm/"));
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        var toOperator = await sink.WaitForAsync(m => m.To == "reports@council.example.org" && m.Subject.Contains($"#{id}]", StringComparison.Ordinal),
            "the operator email");
        return (id, toOperator);
    }
}
