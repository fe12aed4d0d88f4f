using System.Net;
using System.Text.RegularExpressions;
using FixIt.Application.Common;
using FixIt.Infrastructure.Persistence;
using FixIt.IntegrationTests.Infrastructure;
using FixIt.IntegrationTests.Mail;
using FixIt.IntegrationTests.Staff;
using FixIt.Web.Components.Layout;

namespace FixIt.IntegrationTests.Console;

/// <summary>
/// The console's menu (AdminNav) by role: every link a role sees opens for it, and every console page it does not see answers
/// it 403 — the menu and the endpoints read the same policies.
/// </summary>
[Collection(AppsCollection.Name)]
public sealed partial class ConsoleMenuTests(AppsFixture apps)
{
    public static TheoryData<DatabaseProvider, string> Roles()
    {
        var data = new TheoryData<DatabaseProvider, string>();
        foreach (var provider in new[] { DatabaseProvider.Sqlite, DatabaseProvider.PostgreSql })
        {
            foreach (var role in StaffRoles.All)
            {
                data.Add(provider, role);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Roles))]
    public async Task Each_role_sees_the_pages_it_may_open_and_no_other(DatabaseProvider provider, string role)
    {
        var app = await apps.GetAsync(provider);
        var login = await app.CreateStaffAsync(role, role == StaffRoles.Operator ? "demo-buses" : null, twoFactor: role == StaffRoles.Admin);
        using var browser = StaffSignInTests.Browser(app);
        (await AdminSignInTests.SignInAsync(browser, login, "/admin/account")).Dispose();

        var account = await browser.GetStringAsync("admin/account");
        var menu = MenuLinks(account);

        string[] expected = role switch
        {
            StaffRoles.Admin => [.. AdminNav.Links.Select(l => l.Href)],
            StaffRoles.Moderator => ["/admin/flags", "/admin/account"],
            _ => ["/operator", "/admin/account"],
        };
        Assert.Equal(expected, menu);
        foreach (var href in menu)
        {
            using var response = await GetFollowingRedirectsAsync(browser, href);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{role}: {href} answered {(int)response.StatusCode}");
            // Every page in the menu shows the same menu, the page itself marked as current.
            var html = await response.Content.ReadAsStringAsync();
            if (html.Contains("class=\"admin-nav\"", StringComparison.Ordinal))
            {
                Assert.Equal(menu, MenuLinks(html));
            }
        }

        foreach (var hidden in AdminNav.Links.Select(l => l.Href).Except(menu))
        {
            using var response = await browser.GetAsync(hidden.TrimStart('/'));
            Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{role}: {hidden} is not in the menu but answered {(int)response.StatusCode}");
        }
    }

    [Theory]
    [MemberData(nameof(AppsFixture.Providers), MemberType = typeof(AppsFixture))]
    public async Task The_current_page_is_marked_in_the_menu(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        using var browser = StaffSignInTests.Browser(app);
        (await AdminSignInTests.SignInAsync(browser, await app.CreateStaffAsync(StaffRoles.Moderator), "/admin/flags")).Dispose();

        var html = await browser.GetStringAsync("admin/flags");

        Assert.Contains("<a href=\"/admin/flags\" aria-current=\"page\">Flags</a>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("/admin/operators", html, StringComparison.Ordinal);
    }

    private static string[] MenuLinks(string html)
    {
        var nav = Nav().Match(html);
        Assert.True(nav.Success, "The page has no console menu.");
        return [.. Href().Matches(nav.Value).Select(m => m.Groups[1].Value)];
    }

    /// <summary>A page of the site, after its redirects within the site (/operator opens the one operator's inbox).</summary>
    private static async Task<HttpResponseMessage> GetFollowingRedirectsAsync(HttpClient browser, string path)
    {
        var response = await browser.GetAsync(path.TrimStart('/'));
        for (var hops = 0; hops < 3 && response.StatusCode == HttpStatusCode.Redirect
             && response.Headers.Location?.OriginalString is { } next && next.StartsWith('/') && !next.StartsWith("/admin/sign-in", StringComparison.Ordinal); hops++)
        {
            response.Dispose();
            response = await browser.GetAsync(next.TrimStart('/'));
        }

        return response;
    }

    [GeneratedRegex("<nav class=\"admin-nav\"[^>]*>.*?</nav>", RegexOptions.Singleline)]
    private static partial Regex Nav();

    [GeneratedRegex("<a href=\"([^\"]+)\"")]
    private static partial Regex Href();
}
