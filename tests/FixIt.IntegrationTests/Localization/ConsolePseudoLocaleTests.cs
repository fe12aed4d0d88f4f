using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using FixIt.Application.Features.Admin;
using FixIt.Infrastructure.Persistence;
using FixIt.IntegrationTests.AdminConsole;
using FixIt.IntegrationTests.Infrastructure;
using FixIt.IntegrationTests.Staff;
using Microsoft.EntityFrameworkCore;

namespace FixIt.IntegrationTests.Localization;

/// <summary>
/// The administrators' console in the pseudo-locale (as <see cref="PseudoLocaleTests"/> does for the public pages): every page an
/// admin opens, a form shown again with its errors, the dry run's result and both import previews show no text that did not come
/// from the resources, apart from the data on them (names, codes, kinds, addresses). And a Welsh browser gets the console in Welsh.
/// </summary>
public sealed partial class ConsolePseudoLocaleTests
{
    private const string Title = "Pseudo pothole far away";

    [Theory]
    [MemberData(nameof(AppsFixture.Providers), MemberType = typeof(AppsFixture))]
    public async Task Every_admin_console_page_shows_only_text_from_the_resources(DatabaseProvider provider)
    {
        await using var app = await FixItApp.StartAsync(provider, new Dictionary<string, string?> { ["Localization:PseudoLocale"] = "true" });
        var body = ReportRequests.Valid(Title);
        (body["categoryCode"], body["latitude"], body["longitude"]) = ("pothole", -31.5, 18.25);
        var unrouted = (await app.Client.SubmitAsync(body)).GetProperty("id").GetInt32();
        await app.ConfirmAsync(unrouted);
        using var admin = await ConsoleBrowser.AdminAsync(app);
        admin.DefaultRequestHeaders.Add("Accept-Language", "qps-Ploc");
        var rule = await app.WithDbAsync(db => db.RoutingRules.OrderBy(r => r.Id).Select(r => r.Id).FirstAsync());
        var area = await app.WithDbAsync(db => db.Areas.OrderBy(a => a.Id).Select(a => a.Id).FirstAsync());

        var pages = new List<(string What, HttpResponseMessage Response)>();
        foreach (var path in new[]
        {
            "admin/operators", "admin/operators/new", "admin/operators/demo-city-council", "admin/categories", "admin/categories/new",
            "admin/categories/pothole", "admin/areas", $"admin/areas/{area}", "admin/rules", $"admin/rules/{rule}/edit", "admin/rules/dry-run",
            $"admin/rules/dry-run?lat=-31.5&lon=18.25&reportCategory=pothole", "admin/unrouted", "admin/keys",
        })
        {
            pages.Add((path, await admin.GetAsync(path)));
        }

        // Forms shown again with the errors the console itself words, a dry run with a pending change, and both import previews.
        pages.Add(("new operator, bad targets", await ConsoleBrowser.PostAsync(admin, "admin/operators/new", "admin/operators/new",
            ("Name", "Pseudo Roads"), ("Slug", "pseudo-roads"), ("Kind", "council"), ("AcknowledgeTargetDays", "soon"), ("FixTargetDays", "later"),
            ("Contacts[0].Category", ""), ("Contacts[0].Email", "roads@example.org"), ("IsActive", "true"))));
        pages.Add(("new category, taken code", await ConsoleBrowser.PostAsync(admin, "admin/categories/new", "admin/categories/new",
            ("Name", "Another pothole"), ("Code", "pothole"), ("IsActive", "true"))));
        pages.Add(("category preview", await ConsoleBrowser.PostAsync(admin, "admin/categories/new", "admin/categories/new",
            ("Name", "Benches"), ("Code", "benches"), ("ExtraQuestions[0].Code", "broken"), ("ExtraQuestions[0].Question", "Which part?"),
            ("ExtraQuestions[0].DataType", "singlevaluelist"), ("ExtraQuestions[0].Values", "seat: Seat\nleg: Leg"), ("preview", "1"))));
        pages.Add(("new rule, bad priority", await ConsoleBrowser.PostAsync(admin, "admin/rules", "admin/rules",
            ("operator", "demo-city-council"), ("priority", "high"), ("activeFrom", "tomorrow"))));
        pages.Add(("dry run, no such rule", await ConsoleBrowser.PostAsync(admin, "admin/rules", "admin/rules/dry-run",
            ("lat", "-31.5"), ("lon", "18.25"), ("change", "edit-99999"))));
        pages.Add(("dry run with a new rule", await ConsoleBrowser.PostAsync(admin, "admin/rules", "admin/rules/dry-run",
            ("lat", "-31.5"), ("lon", "18.25"), ("reportCategory", "pothole"), ("change", "new"), ("operator", "demo-city-council"),
            ("priority", "5"))));
        pages.Add(("area upload preview", await ConsoleBrowser.UploadAsync(admin, "admin/areas", "admin/areas/upload", "file", "pseudo.geojson",
            Encoding.UTF8.GetBytes("""{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"name":"Pseudo Square","code":"ps1"},"geometry":{"type":"Polygon","coordinates":[[[40,40],[41,40],[41,41],[40,41],[40,40]]]}}]}"""),
            ("kind", "pseudo-ward"))));
        pages.Add(("rule import preview", await ConsoleBrowser.UploadAsync(admin, "admin/rules", "admin/rules/import/preview", "csv", "rules.csv",
            Encoding.UTF8.GetBytes("area_kind,area_code,category,operator,priority,active_from,active_to\n,,pothole,demo-city-council,3,,\n"))));
        pages.Add(("unrouted, no operator chosen", await ConsoleBrowser.PostAsync(admin, "admin/unrouted", $"admin/unrouted/{unrouted}/assign",
            ("operator", ""))));
        pages.Add(("a new API key", await ConsoleBrowser.PostAsync(admin, "admin/keys", "admin/keys", ("Name", "pseudo-crm"), ("Role", "operator"),
            ("OperatorSlug", "demo-city-council"))));
        pages.Add(("bad priority again", await ConsoleBrowser.PostAsync(admin, $"admin/rules/{rule}/edit", $"admin/rules/{rule}",
            ("operator", "demo-city-council"), ("priority", "top"))));

        // The sign-in pages, to a stranger; the two-factor page once the password is right.
        using var stranger = StaffSignInTests.Browser(app);
        stranger.DefaultRequestHeaders.Add("Accept-Language", "qps-Ploc");
        pages.Add(("sign-in", await stranger.GetAsync("admin/sign-in")));
        pages.Add(("sign-in, wrong password", await ConsoleBrowser.PostAsync(stranger, "admin/sign-in", "admin/sign-in",
            ("email", "nobody@example.org"), ("password", "not the password"))));
        var login = await app.CreateStaffAsync(FixIt.Application.Common.StaffRoles.Moderator, twoFactor: true);
        (await ConsoleBrowser.PostAsync(stranger, "admin/sign-in", "admin/sign-in", ("email", login.Email), ("password", login.Password))).Dispose();
        pages.Add(("two-factor, wrong code", await ConsoleBrowser.PostAsync(stranger, "admin/sign-in/two-factor", "admin/sign-in/two-factor",
            ("code", "NOT-A-CODE"))));

        var data = await DataAsync(app);
        var failures = new List<string>();
        foreach (var (what, response) in pages)
        {
            using (response)
            {
                var html = await response.Content.ReadAsStringAsync();
                Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.BadRequest or HttpStatusCode.Unauthorized,
                    $"{what}: {(int)response.StatusCode}");
                Assert.Contains("<html lang=\"qps-Ploc\">", html, StringComparison.Ordinal);
                failures.AddRange(PseudoLocaleTests.NotFromResources(Code().Replace(html, " "), data).Select(text => $"{what}: “{text}”"));
            }
        }

        Assert.True(failures.Count == 0, "Text not from the resources:\n" + string.Join("\n", failures.Distinct()));
    }

    [Theory]
    [MemberData(nameof(AppsFixture.Providers), MemberType = typeof(AppsFixture))]
    public async Task A_Welsh_browser_gets_the_admin_console_in_Welsh(DatabaseProvider provider)
    {
        await using var app = await FixItApp.StartAsync(provider);
        using var admin = await ConsoleBrowser.AdminAsync(app);
        admin.DefaultRequestHeaders.Add("Accept-Language", "cy");

        var rules = WebUtility.HtmlDecode(await admin.GetStringAsync("admin/rules"));
        Assert.Contains("<html lang=\"cy\">", rules, StringComparison.Ordinal);
        Assert.Contains("<h1>Rheolau llwybro</h1>", rules, StringComparison.Ordinal);
        Assert.Contains(">Gweithredwyr</a>", rules, StringComparison.Ordinal);
        Assert.Contains("Allgofnodi", await admin.GetStringAsync("admin/operators"), StringComparison.Ordinal);
        // The switcher comes back to the same console page.
        Assert.Contains("href=\"/language?lang=en&returnUrl=%2Fadmin%2Frules\"", rules, StringComparison.Ordinal);

        using var wrongTarget = await ConsoleBrowser.PostAsync(admin, "admin/operators/new", "admin/operators/new", ("Name", "Ffyrdd"),
            ("Slug", "ffyrdd"), ("Kind", "council"), ("AcknowledgeTargetDays", "cyn bo hir"), ("FixTargetDays", "28"),
            ("Contacts[0].Email", "ffyrdd@example.org"));
        var page = WebUtility.HtmlDecode(await wrongTarget.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, wrongTarget.StatusCode);
        Assert.Contains("Ni chadwyd dim", page, StringComparison.Ordinal);
        Assert.Contains("<a href=\"#AcknowledgeTargetDays\">Rhaid i'r targed cydnabod fod yn rhif cyfan.</a>", page, StringComparison.Ordinal);

        // The use case's own message, from Application's resources, in Welsh too.
        var rule = await app.WithDbAsync(db => db.RoutingRules.OrderBy(r => r.Id).Select(r => r.Id).FirstAsync());
        using var noOperator = await ConsoleBrowser.PostAsync(admin, $"admin/rules/{rule}/edit", $"admin/rules/{rule}", ("operator", ""), ("priority", "1"));
        Assert.Equal(HttpStatusCode.BadRequest, noOperator.StatusCode);
        Assert.Contains("Dewiswch y gweithredwr.", WebUtility.HtmlDecode(await noOperator.Content.ReadAsStringAsync()), StringComparison.Ordinal);
    }

    /// <summary>The names, codes and addresses the console shows as they are stored, and the values this test typed.</summary>
    private static async Task<IReadOnlyList<string>> DataAsync(FixItApp app)
    {
        var names = await app.WithDbAsync(async db =>
        {
            var categories = await db.Categories.ToListAsync();
            var operators = await db.Operators.ToListAsync();
            var contacts = await db.OperatorContacts.ToListAsync();
            var areas = await db.Areas.Select(a => new { a.Name, a.Code, a.Kind, a.Source }).ToListAsync();
            var keys = await db.ApiKeys.Select(k => k.Name).ToListAsync();
            return categories.SelectMany(c => new[] { c.Name, c.Code, c.Group, c.Description })
                .Concat(categories.SelectMany(c => c.ExtraQuestions).SelectMany(q => new[] { q.Code, q.Question, q.Description ?? "" }))
                .Concat(categories.SelectMany(c => c.ExtraQuestions).SelectMany(q => q.Values).SelectMany(v => new[] { v.Key, v.Name }))
                .Concat(operators.SelectMany(o => new[] { o.Name, o.Slug, o.Kind, o.EscalationEmail ?? "" }))
                .Concat(contacts.SelectMany(c => new[] { c.Email, c.Cc ?? "", c.BounceReason ?? "" }))
                .Concat(areas.SelectMany(a => new[] { a.Name, a.Code, a.Kind, a.Source }))
                .Concat(keys)
                .ToList();
        });
        names.AddRange([Title, "Pseudo Roads", "pseudo-roads", "roads@example.org", "Another pothole", "Benches", "benches", "broken", "Which part?",
            "Seat", "Leg", "seat", "leg", "pseudo.geojson", "Pseudo Square", "ps1", "pseudo-ward", "name", "code", "pseudo-crm", "soon", "later",
            "high", "tomorrow", "top", "nobody@example.org", "UTC"]);
        // The admin use cases' messages come from their own resources (AdminText, made in Application, where the Web's pseudo-locale
        // decorator does not reach): taken out as they are in English.
        var adminText = new System.Resources.ResourceManager("FixIt.Application.Resources.Features.Admin.AdminText", typeof(AdminText).Assembly)
            .GetResourceSet(System.Globalization.CultureInfo.InvariantCulture, createIfNotExists: true, tryParents: false)!;
        names.AddRange(adminText.Cast<System.Collections.DictionaryEntry>().Select(e => (string)e.Value!));
        names.AddRange(System.Globalization.CultureInfo.InvariantCulture.DateTimeFormat.MonthNames.Where(m => m.Length > 0));
        names.AddRange(System.Globalization.CultureInfo.InvariantCulture.DateTimeFormat.AbbreviatedMonthNames.Where(m => m.Length > 0));
        return [.. names.Where(n => n.Length > 0).Distinct().OrderByDescending(n => n.Length)];
    }

    // Literal values a console page puts in <code> (a CSV header, an HTTP header, a new key) are the same in every language.
    [GeneratedRegex(@"<code>[^<]*</code>")]
    private static partial Regex Code();
}
