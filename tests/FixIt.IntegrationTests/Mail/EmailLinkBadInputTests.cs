using System.Net;
using FixIt.Domain.Messaging;
using FixIt.Infrastructure.Persistence;
using FixIt.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace FixIt.IntegrationTests.Mail;

/// <summary>Tampered, expired, reused and withdrawn links, forged posts and impossible changes: a clear page, nothing changed.</summary>
public sealed class EmailLinkBadInputTests
{
    [Theory]
    [MemberData(nameof(AppsFixture.Providers), MemberType = typeof(AppsFixture))]
    public async Task Tampered_confirm_link_is_404_and_changes_nothing(DatabaseProvider provider)
    {
        await using var sink = await SmtpSink.StartAsync();
        await using var app = await MailApps.StartAsync(provider, sink);
        var (id, confirmPath) = await SubmitAsync(app, sink);
        var tampered = confirmPath[..^1] + (confirmPath[^1] == 'A' ? 'B' : 'A');

        using var get = await app.Client.GetAsync(tampered);
        using var truncated = await app.Client.GetAsync(confirmPath[..^5]);
        using var post = await PostWithFormTokenFromAsync(app, confirmPath, tampered);

        Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
        Assert.Contains("This link is not valid", await get.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, truncated.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        Assert.Equal("unconfirmed", await StatusAsync(app, id));
    }

    [Theory]
    [MemberData(nameof(AppsFixture.Providers), MemberType = typeof(AppsFixture))]
    public async Task Expired_confirm_link_is_410_and_changes_nothing(DatabaseProvider provider)
    {
        await using var sink = await SmtpSink.StartAsync();
        await using var app = await MailApps.StartAsync(provider, sink, fakeClock: true);
        var (id, confirmPath) = await SubmitAsync(app, sink);
        using var form = await app.Client.GetAsync(confirmPath);
        app.Clock!.Advance(MailApps.PastConfirmLinkLifetime);

        using var get = await app.Client.GetAsync(confirmPath);
        using var post = await PostWithFormTokenFromAsync(app, form, confirmPath);

        Assert.Equal(HttpStatusCode.Gone, get.StatusCode);
        Assert.Contains("This link has expired.", await get.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Gone, post.StatusCode);
        Assert.Equal("unconfirmed", await StatusAsync(app, id));
    }

    [Theory]
    [MemberData(nameof(AppsFixture.Providers), MemberType = typeof(AppsFixture))]
    public async Task Confirm_link_works_once(DatabaseProvider provider)
    {
        await using var sink = await SmtpSink.StartAsync();
        await using var app = await MailApps.StartAsync(provider, sink);
        var (id, confirmPath) = await SubmitAsync(app, sink);
        using var form = await app.Client.GetAsync(confirmPath);

        using var first = await PostWithFormTokenFromAsync(app, form, confirmPath);
        using var again = await PostWithFormTokenFromAsync(app, form, confirmPath);
        using var getAgain = await app.Client.GetAsync(confirmPath);

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.Gone, again.StatusCode);
        Assert.Contains("already been used", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Gone, getAgain.StatusCode);
        Assert.Equal("open", await StatusAsync(app, id));
        Assert.Equal(1, await app.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.ReportId == id && m.Kind == MailKind.OperatorReport)));
    }

    [Theory]
    [MemberData(nameof(AppsFixture.Providers), MemberType = typeof(AppsFixture))]
    public async Task Post_without_the_antiforgery_token_is_refused_and_changes_nothing(DatabaseProvider provider)
    {
        await using var sink = await SmtpSink.StartAsync();
        await using var app = await MailApps.StartAsync(provider, sink);
        var (id, confirmPath) = await SubmitAsync(app, sink);

        using var noForm = await app.Client.PostAsync(confirmPath, null);
        using var emptyForm = await app.Client.PostAsync(confirmPath, new FormUrlEncodedContent([]));
        using var forged = await app.Client.PostAsync(confirmPath, new FormUrlEncodedContent([new("__RequestVerificationToken", "forged")]));

        Assert.Equal(HttpStatusCode.BadRequest, noForm.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, emptyForm.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Contains("Nothing was changed", await forged.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("unconfirmed", await StatusAsync(app, id));
    }

    [Theory]
    [MemberData(nameof(AppsFixture.Providers), MemberType = typeof(AppsFixture))]
    public async Task Impossible_change_is_409_unknown_action_404_and_a_missing_reason_400(DatabaseProvider provider)
    {
        await using var sink = await SmtpSink.StartAsync();
        await using var app = await MailApps.StartAsync(provider, sink);
        var (id, operatorMail) = await ConfirmedAsync(app, sink, "street-lighting", "reports@council.example.org");
        using var fixedResponse = await app.Client.SubmitLinkFormAsync(ReportLifeByEmailTests.ActionPath(operatorMail, "fixed"));
        Assert.Equal(HttpStatusCode.Redirect, fixedResponse.StatusCode);

        var acknowledge = ReportLifeByEmailTests.ActionPath(operatorMail, "acknowledge");
        using var getAck = await app.Client.GetAsync(acknowledge);
        using var postAck = await PostWithFormTokenFromAsync(app, ReportLifeByEmailTests.ActionPath(operatorMail, "note"), acknowledge);
        var unknown = acknowledge.Replace("/acknowledge", "/delete", StringComparison.Ordinal);
        using var getUnknown = await app.Client.GetAsync(unknown);
        using var noReason = await app.Client.SubmitLinkFormAsync(ReportLifeByEmailTests.ActionPath(operatorMail, "note"), ("text", "  "));

        Assert.Equal(HttpStatusCode.Conflict, getAck.StatusCode);
        Assert.Contains("Nothing was changed", await getAck.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Conflict, postAck.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, getUnknown.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Contains("Please write the note.", await noReason.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("fixed", await StatusAsync(app, id));
    }

    [Theory]
    [MemberData(nameof(AppsFixture.Providers), MemberType = typeof(AppsFixture))]
    public async Task Not_ours_reroutes_to_the_next_operator_and_withdraws_the_old_links(DatabaseProvider provider)
    {
        await using var sink = await SmtpSink.StartAsync();
        await using var app = await MailApps.StartAsync(provider, sink);
        var (id, busesMail) = await ConfirmedAsync(app, sink, "bus-shelter", "shelters@buses.example.org");

        using var declined = await app.Client.SubmitLinkFormAsync(ReportLifeByEmailTests.ActionPath(busesMail, "not-ours"),
            ("text", "This shelter belongs to the council."));
        Assert.Equal(HttpStatusCode.Redirect, declined.StatusCode);

        var councilMail = await sink.WaitForAsync(m => m.To == "reports@council.example.org" && m.Subject.Contains($"#{id}]", StringComparison.Ordinal),
            "the re-routed report");
        using var oldLink = await app.Client.GetAsync(ReportLifeByEmailTests.ActionPath(busesMail, "fixed"));
        Assert.Equal(HttpStatusCode.Gone, oldLink.StatusCode);
        var page = await app.Client.GetStringAsync($"reports/{id}");
        Assert.Contains("Not ours: This shelter belongs to the council.", page, StringComparison.Ordinal);
        Assert.Contains("Demo City Council", page, StringComparison.Ordinal);
        using var newLink = await app.Client.SubmitLinkFormAsync(ReportLifeByEmailTests.ActionPath(councilMail, "acknowledge"));
        Assert.Equal(HttpStatusCode.Redirect, newLink.StatusCode);
        Assert.Equal("acknowledged", await StatusAsync(app, id));
    }

    private static async Task<(int Id, string ConfirmPath)> SubmitAsync(FixItApp app, SmtpSink sink, string category = "street-lighting")
    {
        var reporter = MailApps.UniqueEmail("links");
        var id = await OutboxFaultTests.SubmitAsync(app, reporter, "Lamp out", category);
        var mail = await sink.WaitForAsync(m => m.To == reporter, "the confirmation");
        return (id, MailApps.LinkPath(mail, "confirm/"));
    }

    private static async Task<(int Id, ReceivedMail OperatorMail)> ConfirmedAsync(FixItApp app, SmtpSink sink, string category, string operatorAddress)
    {
        var (id, confirmPath) = await SubmitAsync(app, sink, category);
        using var confirmed = await app.Client.SubmitLinkFormAsync(confirmPath);
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        var mail = await sink.WaitForAsync(m => m.To == operatorAddress && m.Subject.Contains($"#{id}]", StringComparison.Ordinal), "the operator email");
        return (id, mail);
    }

    // Stored, not public: an unconfirmed report has no public view.
    private static Task<string?> StatusAsync(FixItApp app, int id) =>
        app.WithDbAsync(async db => (string?)System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(
            (await db.Reports.Where(r => r.Id == id).Select(r => r.Status).SingleAsync()).ToString()));

    /// <summary>POSTs to <paramref name="target"/> with a genuine antiforgery field taken from the form at <paramref name="formPath"/>.</summary>
    private static async Task<HttpResponseMessage> PostWithFormTokenFromAsync(FixItApp app, string formPath, string target)
    {
        using var form = await app.Client.GetAsync(formPath);
        return await PostWithFormTokenFromAsync(app, form, target);
    }

    private static async Task<HttpResponseMessage> PostWithFormTokenFromAsync(FixItApp app, HttpResponseMessage form, string target)
    {
        var html = await form.Content.ReadAsStringAsync();
        var match = System.Text.RegularExpressions.Regex.Match(html, "<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]+)\"");
        Assert.True(match.Success, "The form page carries no antiforgery field.");
        return await app.Client.PostAsync(target, new FormUrlEncodedContent([new(match.Groups[1].Value, WebUtility.HtmlDecode(match.Groups[2].Value))]));
    }
}
