using System.Net;
using FixIt.Application.Features.Operators.GetOperatorFigures;
using FixIt.Domain.Access;
using FixIt.Domain.Moderation;
using FixIt.Domain.Reports;
using FixIt.Infrastructure.Persistence;
using FixIt.IntegrationTests.Infrastructure;
using FixIt.IntegrationTests.Open311;
using FixIt.IntegrationTests.Reports;
using FixIt.IntegrationTests.Unconfirmed;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FixIt.IntegrationTests.Moderation;

/// <summary>Hiding a report through the admin API: gone from every public surface and figure, 410 at its own addresses.</summary>
[Collection(AppsCollection.Name)]
public sealed class HideReportTests(AppsFixture apps)
{
    [Theory]
    [MemberData(nameof(AppsFixture.Providers), MemberType = typeof(AppsFixture))]
    public async Task A_hidden_report_answers_410_and_leaks_through_no_public_surface_or_figure(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        using var moderator = await Moderator.CreateAsync(app);
        var title = $"Abusive lamp {Guid.NewGuid():N}";
        var (id, photoPaths) = await HiddenAndUnconfirmedTests.SubmitWithPhotosAsync(app, title);
        await app.ConfirmAsync(id);
        await app.UpdateAsync(id, r => r.ChangeStatus(ReportStatus.Fixed, ActorKind.Operator, "Demo City Council", EventSource.EmailLink, null,
            DateTimeOffset.UtcNow));
        var slug = await app.WithDbAsync(db => db.Reports.Where(r => r.Id == id)
            .Join(db.Operators, r => r.OperatorId, o => o.Id, (r, o) => o.Slug).SingleAsync());
        var before = await FiguresAsync(app, slug);
        Assert.Contains(title, await app.Client.GetStringAsync($"operators/{slug}/reports.csv"), StringComparison.Ordinal);

        var hidden = await moderator.PostAsync($"api/admin/reports/{id}/hide");

        Assert.Equal(HttpStatusCode.OK, hidden.Status);
        Assert.Equal("hidden", hidden.Body.GetProperty("status").GetString());
        await AssertRemovedAsync(app.Client, id, title);
        await HiddenAndUnconfirmedTests.AssertNotServedAsync(app, photoPaths);
        var after = await FiguresAsync(app, slug);
        Assert.Equal(before.PublicCount - 1, after.PublicCount);
        Assert.Equal(before.Trend[^1].Reported - 1, after.Trend[^1].Reported);
        Assert.Equal(before.Trend[^1].Fixed - 1, after.Trend[^1].Fixed);
    }

    [Theory]
    [MemberData(nameof(AppsFixture.Providers), MemberType = typeof(AppsFixture))]
    public async Task Unhiding_restores_the_status_the_report_had(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        using var moderator = await Moderator.CreateAsync(app);
        var title = $"Restored lamp {Guid.NewGuid():N}";
        var id = (await app.Client.SubmitAsync(ReportRequests.Valid(title))).GetProperty("id").GetInt32();
        await app.ConfirmAsync(id);
        await app.UpdateAsync(id, r => r.ChangeStatus(ReportStatus.InProgress, ActorKind.Operator, "Demo City Council", EventSource.EmailLink, null,
            DateTimeOffset.UtcNow));
        Assert.Equal(HttpStatusCode.OK, (await moderator.PostAsync($"api/admin/reports/{id}/hide")).Status);

        var shown = await moderator.PostAsync($"api/admin/reports/{id}/unhide", "Checked: nothing abusive.");

        Assert.Equal(HttpStatusCode.OK, shown.Status);
        Assert.Equal("inProgress", shown.Body.GetProperty("status").GetString());
        var report = await app.Client.GetJsonAsync($"api/reports/{id}");
        Assert.Equal("inProgress", report.GetProperty("status").GetString());
        Assert.Contains(title, await app.Client.GetStringAsync("api/reports?bbox=-1.60,53.77,-1.48,53.83&status=all&limit=1000"), StringComparison.Ordinal);

        // The public timeline never showed the hiding, and does not now.
        Assert.DoesNotContain(report.GetProperty("events").EnumerateArray(), e => e.TryGetProperty("toStatus", out var to) && to.ValueKind == System.Text.Json.JsonValueKind.String && to.GetString() == "hidden");
        var audit = await app.AuditOfAsync(id);
        Assert.Equal([AuditActions.HideReport, AuditActions.UnhideReport], audit.Select(a => a.Action));
        Assert.Equal("{\"status\":\"Hidden\"}", audit[1].Before);
        Assert.Equal("{\"status\":\"InProgress\"}", audit[1].After);
    }

    [Theory]
    [MemberData(nameof(AppsFixture.Providers), MemberType = typeof(AppsFixture))]
    public async Task Bad_hide_requests_are_refused_and_nothing_is_recorded(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        using var moderator = await Moderator.CreateAsync(app);
        var id = (await app.Client.SubmitAsync(ReportRequests.Valid($"Lamp {Guid.NewGuid():N}"))).GetProperty("id").GetInt32();
        await app.ConfirmAsync(id);

        ModerationAssertions.AssertNames(await moderator.PostAsync($"api/admin/reports/{id}/hide", null), "reason");
        ModerationAssertions.AssertNames(await moderator.PostAsync($"api/admin/reports/{id}/hide", "   "), "reason");
        ModerationAssertions.AssertNames(await moderator.SendAsync(HttpMethod.Post, $"api/admin/reports/{id}/hide", []), "reason");
        Assert.Equal(HttpStatusCode.NotFound, (await moderator.PostAsync($"api/admin/reports/{UnconfirmedVisibility.MissingId}/hide")).Status);
        Assert.Equal(HttpStatusCode.Conflict, (await moderator.PostAsync($"api/admin/reports/{id}/unhide")).Status);
        using (var operatorKey = app.ClientWithKey(await app.CreateKeyAsync(ApiKeyRole.Operator, "demo-city-council")))
        using (var refused = await operatorKey.PostAsync($"api/admin/reports/{id}/hide", JsonBody("Operators may not.")))
        {
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        }

        using (var anonymous = await app.Client.PostAsync($"api/admin/reports/{id}/hide", JsonBody("Strangers may not.")))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        }

        Assert.Empty(await app.AuditOfAsync(id));
        Assert.Equal(HttpStatusCode.OK, (await moderator.PostAsync($"api/admin/reports/{id}/hide")).Status);
        Assert.Equal(HttpStatusCode.Conflict, (await moderator.PostAsync($"api/admin/reports/{id}/hide")).Status);
        Assert.Single(await app.AuditOfAsync(id));
    }

    /// <summary>
    /// No public surface names the report; its page, API and feed answer 410 "removed" (nothing more), its Open311
    /// addresses as a report that does not exist.
    /// </summary>
    internal static async Task AssertRemovedAsync(HttpClient client, int id, string title)
    {
        foreach (var path in UnconfirmedVisibility.Surfaces(id).Concat(PrivacyTests.PublicPaths(id)).Distinct())
        {
            using var response = await client.GetAsync(path);
            var text = await response.Content.ReadAsStringAsync();
            Assert.True(!text.Contains(title, StringComparison.Ordinal), $"GET {path} ({(int)response.StatusCode}) shows the hidden report:\n{text}");
        }

        foreach (var path in new[] { $"reports/{id}", $"api/reports/{id}", $"feeds/reports/{id}.atom" })
        {
            using var response = await client.GetAsync(path);
            Assert.True(response.StatusCode == HttpStatusCode.Gone, $"GET {path}: {(int)response.StatusCode}");
            Assert.Contains("This report has been removed", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        foreach (var path in new[] { $"open311/v2/requests/{id}.json", $"open311/v2/requests/{id}.xml" })
        {
            await UnconfirmedVisibility.AssertSameAsMissingAsync(client, path, id);
        }
    }

    private static async Task<OperatorFigures> FiguresAsync(FixItApp app, string slug)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new GetOperatorFiguresQuery(slug));
    }

    private static StringContent JsonBody(string reason) =>
        new($"{{\"reason\":\"{reason}\"}}", System.Text.Encoding.UTF8, "application/json");
}
