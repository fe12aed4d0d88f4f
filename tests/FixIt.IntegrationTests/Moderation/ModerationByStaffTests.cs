using System.Net;
using System.Net.Http.Json;
using FixIt.Application.Common;
using FixIt.Domain.Moderation;
using FixIt.Domain.Reports;
using FixIt.Infrastructure.Persistence;
using FixIt.IntegrationTests.Infrastructure;
using FixIt.IntegrationTests.Mail;
using FixIt.IntegrationTests.Staff;
using FixIt.IntegrationTests.Unconfirmed;
using Microsoft.EntityFrameworkCore;

namespace FixIt.IntegrationTests.Moderation;

/// <summary>
/// Moderation with a staff session: a moderator may hide and correct (the audit log names their account), operator staff
/// may not (403), whatever their session; the audit log itself is for admins.
/// </summary>
[Collection(AppsCollection.Name)]
public sealed class ModerationByStaffTests(AppsFixture apps)
{
    [Theory]
    [MemberData(nameof(AppsFixture.Providers), MemberType = typeof(AppsFixture))]
    public async Task A_moderator_hides_with_their_session_and_operator_staff_are_refused(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var (id, _) = await HiddenAndUnconfirmedTests.SubmitWithPhotosAsync(app, $"Abusive sign {Guid.NewGuid():N}");
        await app.ConfirmAsync(id);

        using var operatorStaff = StaffSignInTests.Browser(app);
        (await AdminSignInTests.SignInAsync(operatorStaff, await app.CreateStaffAsync(StaffRoles.Operator, "demo-city-council"), "/admin/account")).Dispose();
        using (var refused = await operatorStaff.PostAsJsonAsync($"api/admin/reports/{id}/hide", new { reason = "Not theirs to hide." }))
        {
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        }

        using var moderator = StaffSignInTests.Browser(app);
        var login = await app.CreateStaffAsync(StaffRoles.Moderator);
        (await AdminSignInTests.SignInAsync(moderator, login, "/admin/account")).Dispose();
        using (var hidden = await moderator.PostAsJsonAsync($"api/admin/reports/{id}/hide", new { reason = "Personal abuse." }))
        {
            Assert.Equal(HttpStatusCode.OK, hidden.StatusCode);
        }

        Assert.Equal(ReportStatus.Hidden, await app.WithDbAsync(db => db.Reports.Where(r => r.Id == id).Select(r => r.Status).SingleAsync()));
        var entry = Assert.Single(await app.AuditOfAsync(id));
        Assert.Equal(StaffActorKind.StaffUser, entry.ActorKind);
        Assert.Equal("Personal abuse.", entry.Reason);
        Assert.NotEqual("unknown", entry.ActorName);

        // The audit log is for admins only.
        using var audit = await moderator.GetAsync($"api/admin/audit?reportId={id}");
        Assert.Equal(HttpStatusCode.Forbidden, audit.StatusCode);
    }
}
