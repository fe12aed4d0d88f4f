using System.Net;
using FixIt.Infrastructure.Persistence;
using FixIt.IntegrationTests.Infrastructure;
using FixIt.IntegrationTests.Mail;
using FixIt.IntegrationTests.Moderation;
using FixIt.IntegrationTests.Privacy;
using Microsoft.EntityFrameworkCore;

namespace FixIt.IntegrationTests.OutsideFixes;

/// <summary>"My reports" actions refuse a value they cannot read (400 naming the field) instead of widening it to "all".</summary>
public sealed class MyReportsBadFieldTests
{
    [Theory]
    [MemberData(nameof(AppsFixture.Providers), MemberType = typeof(AppsFixture))]
    public async Task An_unreadable_report_or_tick_box_value_is_a_400_naming_the_field_and_changes_nothing(DatabaseProvider provider)
    {
        await using var sink = await SmtpSink.StartAsync();
        await using var app = await MailApps.StartAsync(provider, sink);
        var address = MailApps.UniqueEmail("ada");
        var name = "Ada Quillfeather" + Guid.NewGuid().ToString("N")[..6];
        var (first, _) = await MyReportsFlowTests.NamedReportAsync(app, sink, address, name, "Lamp out on Quill Lane");
        var (second, _) = await MyReportsFlowTests.NamedReportAsync(app, sink, address, name, "Pothole on Quill Lane");
        (await app.Client.SubmitFormAsync("my", "my", ("email", address))).Dispose();
        var mail = await sink.WaitForAsync(m => m.To == address && m.Subject.StartsWith("Your reports", StringComparison.Ordinal), "the My reports link");
        (await app.Client.SubmitLinkFormAsync(MailApps.LinkPath(mail, "my/link/"))).Dispose();

        foreach (var which in new[] { "abc", "", "-1", "0", "1.5", "ALL" })
        {
            using var bad = await app.Client.SubmitFormAsync("my/reports", "my/hide-name", ("report", which));
            Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
            Assert.Contains("The field \"report\"", WebUtility.HtmlDecode(await bad.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        }

        Assert.Contains(name, await app.Client.GetStringAsync($"reports/{first}"), StringComparison.Ordinal);
        Assert.Contains(name, await app.Client.GetStringAsync($"reports/{second}"), StringComparison.Ordinal);

        using var badPhotos = await app.Client.SubmitFormAsync("my/reports", "my/erase", ("confirm", "yes"), ("removePhotos", "maybe"));
        Assert.Equal(HttpStatusCode.BadRequest, badPhotos.StatusCode);
        Assert.Contains("The field \"removePhotos\"", WebUtility.HtmlDecode(await badPhotos.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        using var badConfirm = await app.Client.SubmitFormAsync("my/reports", "my/erase", ("confirm", "sure"));
        Assert.Equal(HttpStatusCode.BadRequest, badConfirm.StatusCode);
        Assert.Equal(0, await app.WithDbAsync(db => db.Erasures.CountAsync()));

        // "all" by name still hides the name everywhere.
        using var all = await app.Client.SubmitFormAsync("my/reports", "my/hide-name", ("report", "all"));
        Assert.Equal(HttpStatusCode.Redirect, all.StatusCode);
        Assert.DoesNotContain(name, await app.Client.GetStringAsync($"reports/{first}"), StringComparison.Ordinal);
        Assert.DoesNotContain(name, await app.Client.GetStringAsync($"reports/{second}"), StringComparison.Ordinal);
    }
}

/// <summary>A report never confirmed stays the same 404 as a missing one to strangers, even once staff hide it.</summary>
[Collection(AppsCollection.Name)]
public sealed class HiddenUnconfirmedReportTests(AppsFixture apps)
{
    [Theory]
    [MemberData(nameof(AppsFixture.Providers), MemberType = typeof(AppsFixture))]
    public async Task Hiding_an_unconfirmed_report_keeps_it_a_404_while_a_hidden_public_one_is_410(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        using var moderator = await Moderator.CreateAsync(app);
        var unconfirmed = (await app.Client.SubmitAsync(ReportRequests.Valid($"Lamp {Guid.NewGuid():N}"))).GetProperty("id").GetInt32();
        var confirmed = (await app.Client.SubmitAsync(ReportRequests.Valid($"Lamp {Guid.NewGuid():N}"))).GetProperty("id").GetInt32();
        await app.ConfirmAsync(confirmed);
        using (var before = await app.Client.GetAsync($"reports/{unconfirmed}"))
        {
            Assert.Equal(HttpStatusCode.NotFound, before.StatusCode);
        }

        Assert.Equal(HttpStatusCode.OK, (await moderator.PostAsync($"api/admin/reports/{unconfirmed}/hide", "Spam.")).Status);
        Assert.Equal(HttpStatusCode.OK, (await moderator.PostAsync($"api/admin/reports/{confirmed}/hide", "Spam.")).Status);

        foreach (var path in new[] { $"reports/{unconfirmed}", $"api/reports/{unconfirmed}" })
        {
            using var after = await app.Client.GetAsync(path);
            Assert.Equal(HttpStatusCode.NotFound, after.StatusCode);
        }

        using var removed = await app.Client.GetAsync($"reports/{confirmed}");
        Assert.Equal(HttpStatusCode.Gone, removed.StatusCode);
    }
}
