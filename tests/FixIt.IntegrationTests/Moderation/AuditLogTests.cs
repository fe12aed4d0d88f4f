using System.Net;
using FixIt.Domain.Moderation;
using FixIt.Infrastructure.Persistence;
using FixIt.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace FixIt.IntegrationTests.Moderation;

/// <summary>The audit log: written with each action, listed for admins with filters, never changed or deleted.</summary>
[Collection(AppsCollection.Name)]
public sealed class AuditLogTests(AppsFixture apps)
{
    [Theory]
    [MemberData(nameof(AppsFixture.Providers), MemberType = typeof(AppsFixture))]
    public async Task The_log_lists_each_action_with_its_actor_and_filters_by_report_person_and_action(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        using var first = await Moderator.CreateAsync(app);
        using var second = await Moderator.CreateAsync(app);
        var id = (await app.Client.SubmitAsync(ReportRequests.Valid($"Lamp {Guid.NewGuid():N}"))).GetProperty("id").GetInt32();
        await app.ConfirmAsync(id);
        Assert.Equal(HttpStatusCode.OK, (await first.PostAsync($"api/admin/reports/{id}/hide", "Spam.")).Status);
        Assert.Equal(HttpStatusCode.OK, (await second.PostAsync($"api/admin/reports/{id}/unhide", "Not spam.")).Status);
        Assert.Equal(HttpStatusCode.OK, (await first.PostAsync($"api/admin/reports/{id}/hide", "Spam after all.")).Status);

        var byReport = await first.Client.GetJsonAsync($"api/admin/audit?reportId={id}");
        Assert.Equal(3, byReport.GetProperty("total").GetInt32());
        var newest = byReport.GetProperty("entries")[0];
        Assert.Equal(first.Name, newest.GetProperty("actorName").GetString());
        Assert.Equal("apiKey", newest.GetProperty("actorKind").GetString());
        Assert.Equal(AuditActions.HideReport, newest.GetProperty("action").GetString());
        Assert.Equal("Spam after all.", newest.GetProperty("reason").GetString());
        Assert.Equal("{\"status\":\"Open\"}", newest.GetProperty("before").GetString());
        Assert.Equal("{\"status\":\"Hidden\"}", newest.GetProperty("after").GetString());

        var bySecond = await first.Client.GetJsonAsync($"api/admin/audit?actor={second.Name}");
        Assert.Equal(1, bySecond.GetProperty("total").GetInt32());
        Assert.Equal("Not spam.", bySecond.GetProperty("entries")[0].GetProperty("reason").GetString());
        var hides = await first.Client.GetJsonAsync($"api/admin/audit?reportId={id}&action={AuditActions.HideReport}&actor={first.Name}&pageSize=1&page=2");
        Assert.Equal(2, hides.GetProperty("total").GetInt32());
        Assert.Equal("Spam.", hides.GetProperty("entries")[0].GetProperty("reason").GetString());

        using var badPage = await first.Client.GetAsync("api/admin/audit?pageSize=0");
        Assert.Equal(HttpStatusCode.BadRequest, badPage.StatusCode);
        using var anonymous = await app.Client.GetAsync("api/admin/audit");
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }

    [Theory]
    [MemberData(nameof(AppsFixture.Providers), MemberType = typeof(AppsFixture))]
    public async Task An_audit_entry_cannot_be_changed_or_deleted_through_the_application(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        using var moderator = await Moderator.CreateAsync(app);
        var id = (await app.Client.SubmitAsync(ReportRequests.Valid($"Lamp {Guid.NewGuid():N}"))).GetProperty("id").GetInt32();
        await app.ConfirmAsync(id);
        Assert.Equal(HttpStatusCode.OK, (await moderator.PostAsync($"api/admin/reports/{id}/hide", "Spam.")).Status);

        await Assert.ThrowsAsync<AuditLogWriteException>(() => app.WithDbAsync(async db =>
        {
            var entry = await db.AuditEntries.SingleAsync(e => e.ReportId == id);
            db.Entry(entry).Property(e => e.Reason).CurrentValue = "Nothing happened.";
            return await db.SaveChangesAsync();
        }));
        await Assert.ThrowsAsync<AuditLogWriteException>(() => app.WithDbAsync(async db =>
        {
            db.AuditEntries.Remove(await db.AuditEntries.SingleAsync(e => e.ReportId == id));
            return await db.SaveChangesAsync();
        }));

        var stored = Assert.Single(await app.AuditOfAsync(id));
        Assert.Equal("Spam.", stored.Reason);
    }
}
