using System.Net;
using FixIt.Application.Features.FollowUp.SendQuestionnaires;
using FixIt.Domain.Messaging;
using FixIt.Domain.Reports;
using FixIt.Infrastructure.Persistence;
using FixIt.IntegrationTests.Infrastructure;
using FixIt.IntegrationTests.Mail;
using Microsoft.EntityFrameworkCore;

namespace FixIt.IntegrationTests.FollowUp;

/// <summary>"Has this been fixed?", each answer, and "still not fixed", through the emailed links on the fake clock.</summary>
public sealed class QuestionnaireTests
{
    [Theory]
    [MemberData(nameof(AppsFixture.Providers), MemberType = typeof(AppsFixture))]
    public async Task Each_answer_to_the_questionnaire_after_sending(DatabaseProvider provider)
    {
        await using var sink = await SmtpSink.StartAsync();
        await using var app = await MailApps.StartAsync(provider, sink, fakeClock: true);
        var asked = await QuestionnairesAfterSendingAsync(app, sink, "Lamp out on York Road", "Lamp out on Leeds Road", "Lamp out on Hull Road");
        var (yes, yesMail) = asked[0];
        var (no, noMail) = asked[1];
        var (dontKnow, dontKnowMail) = asked[2];

        // A GET shows the question and changes nothing.
        var yesPath = MailApps.LinkPath(yesMail, "questionnaire/");
        Assert.Contains("Has this been fixed?", await app.Client.GetStringAsync(yesPath), StringComparison.Ordinal);

        using (var answered = await app.Client.SubmitLinkFormAsync(yesPath, ("answer", "fixed")))
        {
            Assert.Equal(HttpStatusCode.Redirect, answered.StatusCode);
        }

        Assert.Equal(ReportStatus.Fixed, await StatusAsync(app, yes));
        Assert.Contains("Fixed, according to the reporter.", await app.Client.GetStringAsync($"reports/{yes}"), StringComparison.Ordinal);
        // The link works once.
        Assert.Equal(HttpStatusCode.Gone, (await app.Client.GetAsync(yesPath)).StatusCode);

        using (var answered = await app.Client.SubmitLinkFormAsync(MailApps.LinkPath(noMail, "questionnaire/"), ("answer", "not-fixed"),
            ("update", "Still dark every night.")))
        {
            Assert.Equal(HttpStatusCode.Redirect, answered.StatusCode);
        }

        Assert.Equal(ReportStatus.Open, await StatusAsync(app, no));
        Assert.Contains("Not fixed yet: Still dark every night.", await app.Client.GetStringAsync($"reports/{no}"), StringComparison.Ordinal);

        var eventsBefore = await app.WithDbAsync(db => db.ReportEvents.CountAsync(e => e.ReportId == dontKnow));
        using (var answered = await app.Client.SubmitLinkFormAsync(MailApps.LinkPath(dontKnowMail, "questionnaire/"), ("answer", "dont-know")))
        {
            Assert.Equal(HttpStatusCode.Redirect, answered.StatusCode);
        }

        Assert.Equal(ReportStatus.Open, await StatusAsync(app, dontKnow));
        Assert.Equal(eventsBefore, await app.WithDbAsync(db => db.ReportEvents.CountAsync(e => e.ReportId == dontKnow)));

        // The operator's figures count the reporter's "yes".
        var slug = (await FollowUpFlow.CouncilAsync(app)).Slug;
        Assert.Matches("data-testid=\"fixed-by-reporters\">[1-9]", await app.Client.GetStringAsync($"operators/{slug}"));
    }

    [Theory]
    [MemberData(nameof(AppsFixture.Providers), MemberType = typeof(AppsFixture))]
    public async Task After_the_operator_marks_it_fixed_the_reporter_confirms_and_no_reopens_it_and_tells_the_operator(DatabaseProvider provider)
    {
        await using var sink = await SmtpSink.StartAsync();
        await using var app = await MailApps.StartAsync(provider, sink, fakeClock: true);
        var reporter = MailApps.UniqueEmail("conf");
        var (id, toOperator) = await FollowUpFlow.SentReportAsync(app, sink, reporter, "Lamp out on Wade Lane");
        using (var markedFixed = await app.Client.SubmitLinkFormAsync(ReportLifeByEmailTests.ActionPath(toOperator, "fixed"), ("text", "Bulb changed.")))
        {
            Assert.Equal(HttpStatusCode.Redirect, markedFixed.StatusCode);
        }

        app.Clock!.Advance(TimeSpan.FromDays(7) - TimeSpan.FromHours(1));
        await app.RunJobAsync(new SendQuestionnairesCommand());
        Assert.Equal(0, await FollowUpFlow.CountAsync(app, id, MailKind.ReporterQuestionnaire));
        app.Clock.Advance(TimeSpan.FromHours(2));
        await app.RunJobAsync(new SendQuestionnairesCommand());
        await app.RunJobAsync(new SendQuestionnairesCommand());
        Assert.Equal(1, await FollowUpFlow.CountAsync(app, id, MailKind.ReporterQuestionnaire));
        var questionnaire = await sink.WaitForAsync(m => m.To == reporter && m.Subject.Contains("Has it been fixed?", StringComparison.Ordinal), "the questionnaire");
        Assert.Contains("has marked it fixed", questionnaire.Text, StringComparison.Ordinal);

        using (var answered = await app.Client.SubmitLinkFormAsync(MailApps.LinkPath(questionnaire, "questionnaire/"), ("answer", "not-fixed"),
            ("update", "The new bulb went out after a day.")))
        {
            Assert.Equal(HttpStatusCode.Redirect, answered.StatusCode);
        }

        Assert.Equal(ReportStatus.Open, await StatusAsync(app, id));
        Assert.Contains("Still not fixed: The new bulb went out after a day.", await app.Client.GetStringAsync($"reports/{id}"), StringComparison.Ordinal);
        var reopened = await sink.WaitForAsync(m => m.To == FollowUpFlow.Council && m.Subject.StartsWith($"Re-opened: [FixIt #{id}]", StringComparison.Ordinal),
            "the re-opened email");
        Assert.Contains("The new bulb went out after a day.", reopened.Text, StringComparison.Ordinal);
        ReportLifeByEmailTests.ActionPath(reopened, "acknowledge");
    }

    [Theory]
    [MemberData(nameof(AppsFixture.Providers), MemberType = typeof(AppsFixture))]
    public async Task Still_not_fixed_from_the_update_email_reopens_a_fixed_report_once(DatabaseProvider provider)
    {
        await using var sink = await SmtpSink.StartAsync();
        await using var app = await MailApps.StartAsync(provider, sink, fakeClock: true);
        var reporter = MailApps.UniqueEmail("snf");
        var (id, toOperator) = await FollowUpFlow.SentReportAsync(app, sink, reporter, "Lamp out on Boar Lane");
        using (var markedFixed = await app.Client.SubmitLinkFormAsync(ReportLifeByEmailTests.ActionPath(toOperator, "fixed")))
        {
            Assert.Equal(HttpStatusCode.Redirect, markedFixed.StatusCode);
        }

        var update = await sink.WaitForAsync(m => m.To == reporter && m.Text.Contains("set the status to Fixed", StringComparison.Ordinal), "the fixed update");
        var path = MailApps.LinkPath(update, "still-not-fixed/");
        using (var reopened = await app.Client.SubmitLinkFormAsync(path, ("words", "Dark again tonight.")))
        {
            Assert.Equal(HttpStatusCode.Redirect, reopened.StatusCode);
        }

        Assert.Equal(ReportStatus.Open, await StatusAsync(app, id));
        Assert.Contains("Still not fixed: Dark again tonight.", await app.Client.GetStringAsync($"reports/{id}"), StringComparison.Ordinal);
        var toCouncil = await sink.WaitForAsync(m => m.Subject.StartsWith($"Re-opened: [FixIt #{id}]", StringComparison.Ordinal), "the re-opened email");
        Assert.Equal(FollowUpFlow.Council, toCouncil.To);
        Assert.Contains("Dark again tonight.", toCouncil.Text, StringComparison.Ordinal);

        // The resident's words are a labelled quote, never FixIt's bold lead: anyone who follows a report can write them.
        Assert.Contains("Their words:\n> Still not fixed: Dark again tonight.", toCouncil.Text.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.DoesNotContain("<strong>Still not fixed", toCouncil.Message.HtmlBody, StringComparison.Ordinal);
        Assert.DoesNotContain("Dark again tonight.</strong>", toCouncil.Message.HtmlBody, StringComparison.Ordinal);

        // Used: gone; the report re-opened once.
        Assert.Equal(HttpStatusCode.Gone, (await app.Client.GetAsync(path)).StatusCode);
        Assert.Equal(1, await FollowUpFlow.CountAsync(app, id, MailKind.OperatorReopened));
    }

    [Theory]
    [MemberData(nameof(AppsFixture.Providers), MemberType = typeof(AppsFixture))]
    public async Task Questionnaire_links_reused_expired_replaced_or_of_another_purpose_change_nothing(DatabaseProvider provider)
    {
        await using var sink = await SmtpSink.StartAsync();
        // Links live 20 days here, so the second round's link expires before a third round could replace it.
        await using var app = await MailApps.StartAsync(provider, sink, s => s["FollowUp:LinkLifetime"] = "20.00:00:00", fakeClock: true);
        var (id, mail) = (await QuestionnairesAfterSendingAsync(app, sink, "Lamp out on Call Lane"))[0];
        var path = MailApps.LinkPath(mail, "questionnaire/");
        var token = path.Split('/')[1];

        // Another purpose's link on the questionnaire page, and a made-up token: not found.
        var unsubscribe = MailApps.LinkPath(mail, "unsubscribe/").Split('/')[1];
        Assert.Equal(HttpStatusCode.NotFound, (await app.Client.GetAsync($"questionnaire/{unsubscribe}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await app.Client.GetAsync($"questionnaire/{token[..^2]}xx")).StatusCode);
        // No answer chosen: the form again, with the reason.
        using (var noAnswer = await app.Client.SubmitLinkFormAsync(path))
        {
            Assert.Equal(HttpStatusCode.BadRequest, noAnswer.StatusCode);
            Assert.Contains("Please choose an answer", await noAnswer.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        // The next round's questionnaire withdraws this link.
        app.Clock!.Advance(TimeSpan.FromDays(28) + TimeSpan.FromHours(1));
        await app.RunJobAsync(new SendQuestionnairesCommand());
        Assert.Equal(2, await FollowUpFlow.CountAsync(app, id, MailKind.ReporterQuestionnaire));
        Assert.Equal(HttpStatusCode.Gone, (await app.Client.GetAsync(path)).StatusCode);

        // The new one expires after FollowUp:LinkLifetime: gone, and nothing was revoked to make it so.
        var next = await sink.WaitForAsync(m => m.Subject.Contains($"#{id}] Has it been fixed?", StringComparison.Ordinal) && m != mail, "the second questionnaire");
        var nextPath = MailApps.LinkPath(next, "questionnaire/");
        app.Clock.Advance(TimeSpan.FromDays(20) + TimeSpan.FromMinutes(1));
        Assert.Equal(HttpStatusCode.Gone, (await app.Client.GetAsync(nextPath)).StatusCode);
        Assert.Equal(1, await app.WithDbAsync(db => db.AccessTokens.CountAsync(t => t.ReportId == id && t.Purpose == TokenPurpose.Questionnaire
            && t.RevokedAt == null && t.UsedAt == null)));
        Assert.Equal(ReportStatus.Open, await StatusAsync(app, id));
    }

    /// <summary>Sends reports with these titles, moves the clock past FollowUp:QuestionnaireAfter (28 days) once and runs the job.</summary>
    private static async Task<List<(int Id, ReceivedMail Questionnaire)>> QuestionnairesAfterSendingAsync(FixItApp app, SmtpSink sink, params string[] titles)
    {
        var sent = new List<(int Id, string Reporter, string Title)>();
        foreach (var title in titles)
        {
            var reporter = MailApps.UniqueEmail("q");
            sent.Add(((await FollowUpFlow.SentReportAsync(app, sink, reporter, title)).Id, reporter, title));
        }

        app.Clock!.Advance(TimeSpan.FromDays(28) + TimeSpan.FromHours(1));
        await app.RunJobAsync(new SendQuestionnairesCommand());
        var asked = new List<(int Id, ReceivedMail Questionnaire)>();
        foreach (var (id, reporter, title) in sent)
        {
            asked.Add((id, await sink.WaitForAsync(m => m.To == reporter && m.Subject == $"[FixIt #{id}] Has it been fixed? {title}", "the questionnaire")));
        }

        return asked;
    }

    private static Task<ReportStatus> StatusAsync(FixItApp app, int id) =>
        app.WithDbAsync(db => db.Reports.Where(r => r.Id == id).Select(r => r.Status).SingleAsync());
}
