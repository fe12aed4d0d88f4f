using System.Net;
using FixIt.Domain.Messaging;
using FixIt.Domain.Moderation;
using FixIt.Infrastructure.Persistence;
using FixIt.IntegrationTests.Infrastructure;
using FixIt.IntegrationTests.Unconfirmed;
using Microsoft.EntityFrameworkCore;

namespace FixIt.IntegrationTests.Moderation;

/// <summary>Correcting a report, removing a photo and marking a duplicate through the admin API.</summary>
[Collection(AppsCollection.Name)]
public sealed class CorrectReportTests(AppsFixture apps)
{
    [Theory]
    [MemberData(nameof(AppsFixture.Providers), MemberType = typeof(AppsFixture))]
    public async Task A_corrected_text_is_public_with_edited_by_a_moderator_and_the_original_kept_for_staff(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        using var moderator = await Moderator.CreateAsync(app);
        var original = $"Lamp out, ring Bob on 07700 900{Random.Shared.Next(100, 999)} {Guid.NewGuid():N}";
        var id = (await app.Client.SubmitAsync(ReportRequests.Valid(original))).GetProperty("id").GetInt32();
        await app.ConfirmAsync(id);

        var edited = await moderator.SendAsync(HttpMethod.Patch, $"api/admin/reports/{id}", new()
        {
            ["title"] = "Lamp out on Park Row", ["hideReporterName"] = true, ["reason"] = "A phone number in the title.",
        });

        Assert.Equal(HttpStatusCode.OK, edited.Status);
        Assert.Equal(original, edited.Body.GetProperty("originalTitle").GetString());
        var page = await app.Client.GetStringAsync($"reports/{id}");
        Assert.Contains("Lamp out on Park Row", page, StringComparison.Ordinal);
        Assert.Contains("Edited by a moderator on", page, StringComparison.Ordinal);
        Assert.DoesNotContain(original, page, StringComparison.Ordinal);
        Assert.DoesNotContain("Ada Resident", page, StringComparison.Ordinal);
        var api = await app.Client.GetJsonAsync($"api/reports/{id}");
        Assert.Equal("Lamp out on Park Row", api.GetProperty("title").GetString());
        Assert.True(api.TryGetProperty("editedAt", out var at) && at.ValueKind == System.Text.Json.JsonValueKind.String);
        Assert.DoesNotContain(original, await app.Client.GetStringAsync("api/reports?bbox=-1.60,53.77,-1.48,53.83&status=all&limit=1000"),
            StringComparison.Ordinal);
        var entry = Assert.Single(await app.AuditOfAsync(id));
        Assert.Equal(AuditActions.EditReport, entry.Action);
        Assert.Contains(original, entry.Before!, StringComparison.Ordinal);
        Assert.Contains("\"showReporterName\":true", entry.Before!, StringComparison.Ordinal);
        Assert.Contains("\"showReporterName\":false", entry.After!, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(AppsFixture.Providers), MemberType = typeof(AppsFixture))]
    public async Task A_new_category_reroutes_and_resends_to_the_new_operator(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        using var moderator = await Moderator.CreateAsync(app);
        var id = (await app.Client.SubmitAsync(ReportRequests.Valid($"Shelter {Guid.NewGuid():N}"))).GetProperty("id").GetInt32();
        await app.ConfirmAsync(id);
        var buses = await app.WithDbAsync(db => db.Operators.Where(o => o.Slug == "demo-buses").Select(o => o.Id).SingleAsync());
        var council = await app.WithDbAsync(db => db.Reports.Where(r => r.Id == id).Select(r => r.OperatorId).SingleAsync());
        Assert.NotEqual(buses, council);

        var edited = await moderator.SendAsync(HttpMethod.Patch, $"api/admin/reports/{id}", new()
        {
            ["categoryCode"] = "bus-shelter", ["reason"] = "It is the bus shelter's lamp.",
        });

        Assert.Equal(HttpStatusCode.OK, edited.Status);
        Assert.Equal(buses, edited.Body.GetProperty("operatorId").GetInt32());
        Assert.True(edited.Body.GetProperty("resent").GetBoolean());
        var explanation = edited.Body.GetProperty("routingExplanation").GetString();
        var api = await app.Client.GetJsonAsync($"api/reports/{id}");
        Assert.Equal("bus-shelter", api.GetProperty("categoryCode").GetString());
        Assert.Equal(explanation, api.GetProperty("routingExplanation").GetString());
        var sent = await app.WithDbAsync(db => db.OutboxMessages.Where(m => m.ReportId == id && m.Kind == MailKind.OperatorReport)
            .Select(m => m.OperatorId).ToListAsync());
        Assert.Equal([buses], sent);
    }

    [Theory]
    [MemberData(nameof(AppsFixture.Providers), MemberType = typeof(AppsFixture))]
    public async Task Bad_corrections_are_refused_naming_the_field(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        using var moderator = await Moderator.CreateAsync(app);
        var id = (await app.Client.SubmitAsync(ReportRequests.Valid($"Lamp {Guid.NewGuid():N}"))).GetProperty("id").GetInt32();

        ModerationAssertions.AssertNames(await moderator.SendAsync(HttpMethod.Patch, $"api/admin/reports/{id}", new() { ["title"] = "New title" }), "reason");
        ModerationAssertions.AssertNames(await moderator.SendAsync(HttpMethod.Patch, $"api/admin/reports/{id}", new() { ["reason"] = "Why" }), "body");
        ModerationAssertions.AssertNames(await moderator.SendAsync(HttpMethod.Patch, $"api/admin/reports/{id}",
            new() { ["categoryCode"] = "no-such-thing", ["reason"] = "Why" }), "categoryCode");
        ModerationAssertions.AssertNames(await moderator.SendAsync(HttpMethod.Patch, $"api/admin/reports/{id}",
            new() { ["title"] = " ", ["reason"] = "Why" }), "title");
        ModerationAssertions.AssertNames(await moderator.SendAsync(HttpMethod.Patch, $"api/admin/reports/{id}",
            new() { ["latitude"] = 91, ["reason"] = "Why" }), "latitude");
        Assert.Equal(HttpStatusCode.NotFound, (await moderator.SendAsync(HttpMethod.Patch, $"api/admin/reports/{UnconfirmedVisibility.MissingId}",
            new() { ["title"] = "New title", ["reason"] = "Why" })).Status);
        Assert.Empty(await app.AuditOfAsync(id));
    }

    [Theory]
    [MemberData(nameof(AppsFixture.Providers), MemberType = typeof(AppsFixture))]
    public async Task A_removed_photo_is_no_longer_served(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        using var moderator = await Moderator.CreateAsync(app);
        var (id, paths) = await HiddenAndUnconfirmedTests.SubmitWithPhotosAsync(app, $"Lamp {Guid.NewGuid():N}");
        await app.ConfirmAsync(id);
        var photoId = await app.WithDbAsync(db => db.ReportPhotos.Where(p => p.ReportId == id).Select(p => p.Id).SingleAsync());

        ModerationAssertions.AssertNames(await moderator.SendAsync(HttpMethod.Delete, $"api/admin/reports/{id}/photos/{photoId}", null), "reason");
        Assert.Equal(HttpStatusCode.NotFound, (await moderator.SendAsync(HttpMethod.Delete, $"api/admin/reports/{id}/photos/{int.MaxValue}",
            new() { ["reason"] = "Faces." })).Status);
        var removed = await moderator.SendAsync(HttpMethod.Delete, $"api/admin/reports/{id}/photos/{photoId}", new() { ["reason"] = "Faces." });

        Assert.Equal(HttpStatusCode.OK, removed.Status);
        await HiddenAndUnconfirmedTests.AssertNotServedAsync(app, [paths[0]]);
        Assert.DoesNotContain(paths[0], await app.Client.GetStringAsync($"reports/{id}"), StringComparison.Ordinal);
        Assert.Equal(AuditActions.RemovePhoto, Assert.Single(await app.AuditOfAsync(id)).Action);
    }

    [Theory]
    [MemberData(nameof(AppsFixture.Providers), MemberType = typeof(AppsFixture))]
    public async Task A_duplicate_closes_links_the_original_both_ways_and_hands_over_its_followers(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        using var moderator = await Moderator.CreateAsync(app);
        var originalId = (await app.Client.SubmitAsync(ReportRequests.Valid($"Lamp {Guid.NewGuid():N}"))).GetProperty("id").GetInt32();
        var duplicateId = (await app.Client.SubmitAsync(ReportRequests.Valid($"Same lamp {Guid.NewGuid():N}"))).GetProperty("id").GetInt32();
        await app.ConfirmAsync(originalId);
        await app.ConfirmAsync(duplicateId);
        var follower = $"neighbour-{Guid.NewGuid():N}@example.net";
        await app.WithDbAsync(async db =>
        {
            var subscription = new ReportSubscription(duplicateId, follower, DateTimeOffset.UtcNow);
            subscription.Confirm(DateTimeOffset.UtcNow);
            db.ReportSubscriptions.Add(subscription);
            return await db.SaveChangesAsync();
        });

        ModerationAssertions.AssertNames(await moderator.PostAsync($"api/admin/reports/{duplicateId}/duplicate-of/{duplicateId}"), "originalId");
        ModerationAssertions.AssertNames(await moderator.PostAsync($"api/admin/reports/{duplicateId}/duplicate-of/{originalId}", null), "reason");
        Assert.Equal(HttpStatusCode.NotFound,
            (await moderator.PostAsync($"api/admin/reports/{duplicateId}/duplicate-of/{UnconfirmedVisibility.MissingId}")).Status);
        var marked = await moderator.PostAsync($"api/admin/reports/{duplicateId}/duplicate-of/{originalId}", "Same lamp.");

        Assert.Equal(HttpStatusCode.OK, marked.Status);
        Assert.Equal("duplicate", marked.Body.GetProperty("status").GetString());
        Assert.Contains($"href=\"/reports/{originalId}\"", await app.Client.GetStringAsync($"reports/{duplicateId}"), StringComparison.Ordinal);
        Assert.Contains($"href=\"/reports/{duplicateId}\"", await app.Client.GetStringAsync($"reports/{originalId}"), StringComparison.Ordinal);
        var following = await app.WithDbAsync(db => db.ReportSubscriptions.AsNoTracking()
            .Where(s => s.ReportId == originalId || s.ReportId == duplicateId).ToListAsync());
        Assert.Contains(following, s => s.ReportId == originalId && s.Email == follower && s.IsActive);
        Assert.Contains(following, s => s.ReportId == originalId && s.Email == "ada.resident@example.net" && s.IsActive);
        Assert.DoesNotContain(following, s => s.ReportId == duplicateId && s.IsActive);
        Assert.Equal(HttpStatusCode.Conflict, (await moderator.PostAsync($"api/admin/reports/{originalId}/duplicate-of/{duplicateId}")).Status);
        Assert.Equal(AuditActions.MarkDuplicate, Assert.Single(await app.AuditOfAsync(duplicateId)).Action);
    }
}
