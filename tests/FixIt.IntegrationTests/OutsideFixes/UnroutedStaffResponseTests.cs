using System.Net;
using FixIt.Application.Common;
using FixIt.Domain.Reports;
using FixIt.Infrastructure.Persistence;
using FixIt.IntegrationTests.Infrastructure;
using FixIt.IntegrationTests.Mail;
using FixIt.IntegrationTests.Staff;
using Microsoft.EntityFrameworkCore;

namespace FixIt.IntegrationTests.OutsideFixes;

/// <summary>Nobody answers in an operator's name on a report no operator is responsible for.</summary>
[Collection(AppsCollection.Name)]
public sealed class UnroutedStaffResponseTests(AppsFixture apps)
{
    [Theory]
    [MemberData(nameof(AppsFixture.Providers), MemberType = typeof(AppsFixture))]
    public async Task Staff_cannot_acknowledge_or_note_an_unrouted_report_as_its_operator(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var body = ReportRequests.Valid($"Pothole in the middle of nowhere {Guid.NewGuid():N}");
        (body["latitude"], body["longitude"]) = (-33.25, 17.125);
        var id = (await app.Client.SubmitAsync(body)).GetProperty("id").GetInt32();
        await app.ConfirmAsync(id);
        Assert.Null(await app.WithDbAsync(db => db.Reports.Where(r => r.Id == id).Select(r => r.OperatorId).SingleAsync()));
        using var moderator = StaffSignInTests.Browser(app);
        (await AdminSignInTests.SignInAsync(moderator, await app.CreateStaffAsync(StaffRoles.Moderator), "/admin/account")).Dispose();

        // The panel says why, with no form to post.
        var page = await moderator.GetStringAsync($"reports/{id}");
        Assert.Contains("data-testid=\"no-operator\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain($"action=\"/reports/{id}/staff-response\"", page, StringComparison.Ordinal);

        foreach (var (action, text) in new[] { ("acknowledge", ""), ("fixed", "Done."), ("note", "On it.") })
        {
            using var posted = await moderator.SubmitFormAsync($"reports/{id}", $"reports/{id}/staff-response", ("action", action), ("text", text));
            Assert.Equal(HttpStatusCode.Conflict, posted.StatusCode);
            Assert.Contains("No operator is responsible for this report", WebUtility.HtmlDecode(await posted.Content.ReadAsStringAsync()),
                StringComparison.Ordinal);
        }

        var report = await app.WithDbAsync(db => db.Reports.AsNoTracking().Include(r => r.Events).SingleAsync(r => r.Id == id));
        Assert.Equal(ReportStatus.Open, report.Status);
        Assert.DoesNotContain(report.Events, e => e.ActorKind == ActorKind.Operator);
    }
}
