using System.Net;
using FixIt.Domain.Messaging;
using FixIt.Domain.Moderation;
using FixIt.Infrastructure.Persistence;
using FixIt.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace FixIt.IntegrationTests.AdminConsole;

/// <summary>/admin/unrouted: a report no rule covers, listed with its place, given to an operator and sent.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class UnroutedQueueTests(ConsoleApps apps)
{
    [Theory]
    [MemberData(nameof(AppsFixture.Providers), MemberType = typeof(AppsFixture))]
    public async Task An_unrouted_report_is_assigned_from_the_queue_and_sent_once(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        using var admin = await ConsoleBrowser.AdminAsync(app);
        var body = ReportRequests.Valid("Pothole beyond every boundary");
        (body["categoryCode"], body["latitude"], body["longitude"]) = ("pothole", -31.5, 18.25);
        var id = (await app.Client.SubmitAsync(body)).GetProperty("id").GetInt32();
        await app.ConfirmAsync(id);

        var queue = await admin.GetStringAsync("admin/unrouted");
        Assert.Contains($"id=\"report-{id}\" data-lat=\"-31.5\" data-lon=\"18.25\"", queue, StringComparison.Ordinal);
        Assert.Contains($"lat=-31.5&amp;lon=18.25&amp;reportCategory=pothole&amp;change=new", queue, StringComparison.Ordinal);

        using var noOperator = await ConsoleBrowser.PostAsync(admin, "admin/unrouted", $"admin/unrouted/{id}/assign", ("operator", ""));
        Assert.Equal(HttpStatusCode.BadRequest, noOperator.StatusCode);
        Assert.Contains($"<a href=\"#operator-{id}\">Choose the operator", await noOperator.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var assigned = await ConsoleBrowser.PostAsync(admin, "admin/unrouted", $"admin/unrouted/{id}/assign", ("operator", "demo-city-council"));
        Assert.Equal(HttpStatusCode.Redirect, assigned.StatusCode);
        Assert.Equal("/admin/unrouted", assigned.Headers.Location!.OriginalString);
        var page = await admin.GetStringAsync("admin/unrouted");
        Assert.Contains($"Report {id} is now with Demo City Council, and has been sent to them.", page, StringComparison.Ordinal);
        Assert.DoesNotContain($"id=\"report-{id}\"", page, StringComparison.Ordinal);
        var (operatorName, explanation) = await app.WithDbAsync(async db => await db.Reports.Where(r => r.Id == id)
            .Join(db.Operators, r => r.OperatorId, o => o.Id, (r, o) => new Tuple<string, string>(o.Name, r.RoutingExplanation)).SingleAsync());
        Assert.Equal(("Demo City Council", "Assigned by an administrator to Demo City Council."), (operatorName, explanation));
        Assert.Equal(1, await app.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.ReportId == id && m.Kind == MailKind.OperatorReport)));
        Assert.Equal(1, await app.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.ReportId == id && a.Action == AuditActions.AssignReport)));

        // Nothing is left to assign on the queue's page: the form's token comes from another page, as a second tab would.
        using var twice = await ConsoleBrowser.PostAsync(admin, "admin/rules", $"admin/unrouted/{id}/assign", ("operator", "demo-buses"));
        Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
        Assert.Equal(1, await app.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.ReportId == id && m.Kind == MailKind.OperatorReport)));
    }
}
