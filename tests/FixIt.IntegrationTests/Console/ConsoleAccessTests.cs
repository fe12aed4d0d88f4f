using System.Net;
using FixIt.Application.Common;
using FixIt.Infrastructure.Persistence;
using FixIt.IntegrationTests.Infrastructure;
using FixIt.IntegrationTests.Mail;
using FixIt.IntegrationTests.Staff;

namespace FixIt.IntegrationTests.Console;

/// <summary>Who may open the administrators' console pages: admins only; anyone else signed in gets a short 403 page, nobody else a sign-in.</summary>
[Collection(AppsCollection.Name)]
public sealed class ConsoleAccessTests(AppsFixture apps)
{
    public static TheoryData<DatabaseProvider, string> Pages()
    {
        var data = new TheoryData<DatabaseProvider, string>();
        foreach (var provider in new[] { DatabaseProvider.Sqlite, DatabaseProvider.PostgreSql })
        {
            foreach (var page in new[]
                     {
                         "admin/operators", "admin/operators/new", "admin/operators/demo-buses", "admin/categories", "admin/categories/new",
                         "admin/categories/pothole", "admin/keys", "admin/mail", "admin/staff", "admin/audit",
                     })
            {
                data.Add(provider, page);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Anonymous_visitors_are_sent_to_sign_in(DatabaseProvider provider, string page)
    {
        var app = await apps.GetAsync(provider);
        using var browser = StaffSignInTests.Browser(app);

        using var response = await browser.GetAsync(page);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/admin/sign-in?returnUrl={Uri.EscapeDataString("/" + page)}", response.Headers.Location!.OriginalString);
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Moderators_and_operator_staff_get_a_short_403_page_without_the_data(DatabaseProvider provider, string page)
    {
        var app = await apps.GetAsync(provider);
        foreach (var login in new[] { await app.CreateStaffAsync(StaffRoles.Moderator), await app.CreateStaffAsync(StaffRoles.Operator, "demo-buses") })
        {
            using var browser = StaffSignInTests.Browser(app);
            (await AdminSignInTests.SignInAsync(browser, login, "/admin/account")).Dispose();

            using var response = await browser.GetAsync(page);

            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
            var html = await response.Content.ReadAsStringAsync();
            Assert.Contains("Your staff account may not open this page.", html, StringComparison.Ordinal);
            Assert.DoesNotContain("Demo Buses", html, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("Potholes", html, StringComparison.Ordinal);
            Assert.DoesNotContain("admin-nav", html, StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(AppsFixture.Providers), MemberType = typeof(AppsFixture))]
    public async Task Console_writes_are_refused_to_other_staff_and_to_anonymous_visitors(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        string[] writes = ["admin/operators/new", "admin/operators/demo-buses", "admin/operators/demo-buses/contacts/1/fixed", "admin/categories/new",
            "admin/categories/pothole", "admin/categories/preview", "admin/keys", "admin/keys/revoke", "admin/mail/1/resend"];
        var moderator = await app.CreateStaffAsync(StaffRoles.Moderator);
        using var staff = StaffSignInTests.Browser(app);
        (await AdminSignInTests.SignInAsync(staff, moderator, "/admin/account")).Dispose();
        using var anonymous = StaffSignInTests.Browser(app);
        var before = await app.WithDbAsync(db => Task.FromResult((db.Operators.Count(), db.Categories.Count(), db.ApiKeys.Count())));

        foreach (var path in writes)
        {
            // The moderator's own antiforgery token, from a page they may open: only the role stops them.
            using var refused = await staff.SubmitFormAsync("admin/account", path, ("Slug", "sneaky"), ("Code", "sneaky"), ("Name", "Sneaky"),
                ("Kind", "council"), ("AcknowledgeTargetDays", "5"), ("FixTargetDays", "28"), ("Contacts[0].Email", "a@example.org"), ("Role", "admin"));
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
            using var redirected = await anonymous.PostAsync(path, new FormUrlEncodedContent([new("Name", "Sneaky")]));
            Assert.Equal(HttpStatusCode.Redirect, redirected.StatusCode);
            Assert.StartsWith("/admin/sign-in", redirected.Headers.Location!.OriginalString, StringComparison.Ordinal);
        }

        Assert.Equal(before, await app.WithDbAsync(db => Task.FromResult((db.Operators.Count(), db.Categories.Count(), db.ApiKeys.Count()))));
    }
}
