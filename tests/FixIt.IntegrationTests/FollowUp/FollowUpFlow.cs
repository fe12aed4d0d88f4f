using System.Net;
using FixIt.Application.Common.Scheduling;
using FixIt.IntegrationTests.Infrastructure;
using FixIt.IntegrationTests.Mail;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FixIt.IntegrationTests.FollowUp;

/// <summary>Steps the follow-up tests share: a report sent to the demo council by email, and a job run on demand.</summary>
internal static class FollowUpFlow
{
    public const string Council = "reports@council.example.org";

    /// <summary>Runs one scheduled job once, as the scheduler does: its command through the app's mediator, in a scope of its own.</summary>
    public static async Task<JobRun> RunJobAsync(this FixItApp app, IScheduledJobCommand job)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ISender>().Send((ICommand<JobRun>)job);
    }

    /// <summary>Submits, confirms by the emailed link and waits until the operator email has gone (the report's "sent").</summary>
    public static async Task<(int Id, ReceivedMail ToOperator)> SentReportAsync(FixItApp app, SmtpSink sink, string reporter, string title)
    {
        var body = ReportRequests.Valid(title);
        body["reporterEmail"] = reporter;
        var id = (await app.Client.SubmitAsync(body)).GetProperty("id").GetInt32();
        var confirmation = await sink.WaitForAsync(m => m.To == reporter && m.Subject.Contains("Confirm your report", StringComparison.Ordinal),
            "the confirmation email");
        using var confirmed = await app.Client.SubmitLinkFormAsync(MailApps.LinkPath(confirmation, "confirm/"));
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        var toOperator = await sink.WaitForAsync(m => m.To == Council && m.Subject == $"[FixIt #{id}] Street lighting: {title}", "the operator email");
        await sink.WaitForAsync(m => m.To == reporter && m.Text.Contains("sent to Demo City Council", StringComparison.Ordinal), "the sent notice");
        return (id, toOperator);
    }

    public static Task<(int AcknowledgeTargetDays, int FixTargetDays, string Slug)> CouncilAsync(FixItApp app) =>
        app.WithDbAsync(async db =>
        {
            var council = await db.Operators.AsNoTracking().SingleAsync(o => o.Name == "Demo City Council");
            return (council.AcknowledgeTargetDays, council.FixTargetDays, council.Slug);
        });

    public static Task SetEscalationAsync(FixItApp app, string? email) => app.WithDbAsync(async db =>
    {
        var council = await db.Operators.SingleAsync(o => o.Name == "Demo City Council");
        council.EscalationEmail = email;
        return await db.SaveChangesAsync();
    });

    public static Task<int> CountAsync(FixItApp app, int reportId, FixIt.Domain.Messaging.MailKind kind) =>
        app.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.ReportId == reportId && m.Kind == kind));
}
