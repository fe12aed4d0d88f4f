using System.Net;
using FixIt.Application.Common;
using FixIt.Infrastructure.Persistence;
using FixIt.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace FixIt.IntegrationTests.AdminConsole;

/// <summary>Every routing page of the console: anonymous visitors go to sign in, staff who are not admins get a short 403.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class ConsoleAuthorisationTests(ConsoleApps apps)
{
    [Theory]
    [MemberData(nameof(AppsFixture.Providers), MemberType = typeof(AppsFixture))]
    public async Task Anonymous_visitors_are_sent_to_sign_in_and_moderators_and_operator_staff_are_refused(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var (areaId, ruleId) = await app.WithDbAsync(async db => (await db.Areas.Select(a => a.Id).FirstAsync(), await db.RoutingRules.Select(r => r.Id).FirstAsync()));
        string[] pages = ["admin/areas", $"admin/areas/{areaId}", $"admin/areas/{areaId}/shape.geojson", "admin/rules", $"admin/rules/{ruleId}/edit",
            "admin/rules/dry-run?lat=53.8&lon=-1.55", "admin/unrouted"];
        string[] writes = ["admin/areas/upload", "admin/areas/preview", "admin/areas/import", "admin/rules", $"admin/rules/{ruleId}",
            $"admin/rules/{ruleId}/retire", "admin/rules/import/preview", "admin/rules/import", "admin/rules/dry-run", "admin/unrouted/1/assign"];
        using var anonymous = Staff.StaffSignInTests.Browser(app);
        using var moderator = await ConsoleBrowser.StaffAsync(app, StaffRoles.Moderator);
        using var operatorStaff = await ConsoleBrowser.StaffAsync(app, StaffRoles.Operator, "demo-city-council");
        using var admin = await ConsoleBrowser.AdminAsync(app);

        foreach (var page in pages)
        {
            using var stranger = await anonymous.GetAsync(page);
            Assert.Equal(HttpStatusCode.Redirect, stranger.StatusCode);
            Assert.StartsWith("/admin/sign-in?returnUrl=", stranger.Headers.Location!.OriginalString, StringComparison.Ordinal);
            foreach (var staff in new[] { moderator, operatorStaff })
            {
                using var refused = await staff.GetAsync(page);
                var body = await refused.Content.ReadAsStringAsync();
                Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
                Assert.Contains("Your staff account may not open this page.", body, StringComparison.Ordinal);
                Assert.DoesNotContain("Demo City Council", body, StringComparison.Ordinal);
            }

            using var allowed = await admin.GetAsync(page);
            Assert.True(allowed.StatusCode == HttpStatusCode.OK, $"{page}: {(int)allowed.StatusCode}");
        }

        var rulesBefore = await app.WithDbAsync(db => db.RoutingRules.CountAsync());
        foreach (var write in writes)
        {
            using var stranger = await anonymous.PostAsync(write, new FormUrlEncodedContent([new("operator", "demo-buses")]));
            Assert.Equal(HttpStatusCode.Redirect, stranger.StatusCode);
            using var refused = await moderator.PostAsync(write, new FormUrlEncodedContent([new("operator", "demo-buses")]));
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
            // An admin's post without the form's antiforgery token changes nothing either.
            using var forged = await admin.PostAsync(write, new FormUrlEncodedContent([new("operator", "demo-buses")]));
            Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        }

        Assert.Equal(rulesBefore, await app.WithDbAsync(db => db.RoutingRules.CountAsync()));
    }
}
