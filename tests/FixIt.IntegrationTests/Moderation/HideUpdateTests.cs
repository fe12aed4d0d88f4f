using System.Net;
using FixIt.Domain.Moderation;
using FixIt.Domain.Reports;
using FixIt.Infrastructure.Persistence;
using FixIt.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace FixIt.IntegrationTests.Moderation;

/// <summary>Hiding one timeline event: off the page, the API, the feed and Open311's updates, by the id they all show.</summary>
[Collection(AppsCollection.Name)]
public sealed class HideUpdateTests(AppsFixture apps)
{
    [Theory]
    [MemberData(nameof(AppsFixture.Providers), MemberType = typeof(AppsFixture))]
    public async Task A_hidden_update_disappears_from_the_timeline_feed_and_open311_and_comes_back(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        using var moderator = await Moderator.CreateAsync(app);
        var id = (await app.Client.SubmitAsync(ReportRequests.Valid($"Lamp {Guid.NewGuid():N}"))).GetProperty("id").GetInt32();
        await app.ConfirmAsync(id);
        var note = $"Call 0113 496 {Guid.NewGuid():N}";
        var noteId = await app.WithDbAsync(async db =>
        {
            var report = await db.Reports.SingleAsync(r => r.Id == id);
            var e = report.AddNote(ActorKind.Operator, "Demo City Council", EventSource.EmailReply, note, DateTimeOffset.UtcNow);
            await db.SaveChangesAsync();
            return e.Id;
        });
        string[] surfaces = [$"reports/{id}", $"api/reports/{id}", $"feeds/reports/{id}.atom", $"open311/v2/requests/{id}.json?extensions=true"];

        // The public API's event id is Open311's update_id: the one staff hide it by.
        var events = (await app.Client.GetJsonAsync($"api/reports/{id}")).GetProperty("events").EnumerateArray().ToList();
        Assert.Contains(events, e => e.GetProperty("id").GetInt64() == noteId && e.GetProperty("text").GetString() == note);
        Assert.Matches($"\"update_id\":\\s*{noteId}\\b", await app.Client.GetStringAsync($"open311/v2/requests/{id}.json?extensions=true"));
        await AssertOnEveryAsync(app, surfaces, note, shown: true);

        var hidden = await moderator.PostAsync($"api/admin/reports/{id}/updates/{noteId}/hide", "A phone number.");

        Assert.Equal(HttpStatusCode.OK, hidden.Status);
        Assert.False(hidden.Body.GetProperty("isPublic").GetBoolean());
        await AssertOnEveryAsync(app, surfaces, note, shown: false);

        Assert.Equal(HttpStatusCode.OK, (await moderator.PostAsync($"api/admin/reports/{id}/updates/{noteId}/unhide", "Number was the council's.")).Status);
        await AssertOnEveryAsync(app, surfaces, note, shown: true);
        var audit = await app.AuditOfAsync(id);
        Assert.Equal([AuditActions.HideUpdate, AuditActions.UnhideUpdate], audit.Select(a => a.Action));
        Assert.All(audit, a => Assert.Equal(noteId, a.UpdateId));
        Assert.Equal("A phone number.", audit[0].Reason);
    }

    [Theory]
    [MemberData(nameof(AppsFixture.Providers), MemberType = typeof(AppsFixture))]
    public async Task Bad_update_hide_requests_are_refused(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        using var moderator = await Moderator.CreateAsync(app);
        var id = (await app.Client.SubmitAsync(ReportRequests.Valid($"Lamp {Guid.NewGuid():N}"))).GetProperty("id").GetInt32();
        var other = (await app.Client.SubmitAsync(ReportRequests.Valid($"Lamp {Guid.NewGuid():N}"))).GetProperty("id").GetInt32();
        await app.ConfirmAsync(id);
        var eventId = await app.WithDbAsync(db => db.ReportEvents.Where(e => e.ReportId == id && e.IsPublic).Select(e => e.Id).FirstAsync());

        ModerationAssertions.AssertNames(await moderator.PostAsync($"api/admin/reports/{id}/updates/{eventId}/hide", null), "reason");
        Assert.Equal(HttpStatusCode.NotFound, (await moderator.PostAsync($"api/admin/reports/{other}/updates/{eventId}/hide")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await moderator.PostAsync($"api/admin/reports/{id}/updates/{long.MaxValue}/hide")).Status);
        Assert.Equal(HttpStatusCode.Conflict, (await moderator.PostAsync($"api/admin/reports/{id}/updates/{eventId}/unhide")).Status);
        Assert.Equal(HttpStatusCode.OK, (await moderator.PostAsync($"api/admin/reports/{id}/updates/{eventId}/hide")).Status);
        Assert.Equal(HttpStatusCode.Conflict, (await moderator.PostAsync($"api/admin/reports/{id}/updates/{eventId}/hide")).Status);
        Assert.Single(await app.AuditOfAsync(id));
        Assert.Empty(await app.AuditOfAsync(other));
    }

    private static async Task AssertOnEveryAsync(FixItApp app, string[] paths, string text, bool shown)
    {
        foreach (var path in paths)
        {
            var body = await app.Client.GetStringAsync(path);
            Assert.True(body.Contains(text, StringComparison.Ordinal) == shown, $"GET {path} {(shown ? "lacks" : "still shows")} the update:\n{body}");
        }
    }
}
