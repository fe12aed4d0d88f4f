using System.Net;
using System.Net.Http.Json;
using System.Text;
using FixIt.Infrastructure.Persistence;
using FixIt.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace FixIt.IntegrationTests.AdminConsole;

/// <summary>/admin/rules: add, edit, retire, the CSV import's preview, and the dry run before and after a pending rule.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class RulePagesTests(ConsoleApps apps)
{
    /// <summary>A square area of a kind of its own, through the admin API (the pages' import is tested on its own).</summary>
    private static async Task<string> SquareAsync(FixItApp app, double west, double south)
    {
        var kind = "r" + Guid.NewGuid().ToString("N")[..10];
        using var admin = await app.AdminClientAsync();
        using var import = await admin.PostAsync($"api/admin/areas/import?kind={kind}&nameProperty=name&codeProperty=id",
            new StringContent(AdminRequests.SquaresTopoJson(west, south, 1, "q1"), Encoding.UTF8, "application/json"));
        Assert.True(import.IsSuccessStatusCode, await import.Content.ReadAsStringAsync());
        return kind;
    }

    [Theory]
    [MemberData(nameof(AppsFixture.Providers), MemberType = typeof(AppsFixture))]
    public async Task A_rule_is_added_edited_and_retired_and_a_bad_field_is_named(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        using var admin = await ConsoleBrowser.AdminAsync(app);
        var kind = await SquareAsync(app, 90, 20);
        var before = await app.WithDbAsync(db => db.RoutingRules.CountAsync());

        using var badPriority = await ConsoleBrowser.PostAsync(admin, "admin/rules", "admin/rules", ("areaKind", kind), ("areaCode", "q1"),
            ("category", "pothole"), ("operator", "demo-buses"), ("priority", "high"));
        var page = await badPriority.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, badPriority.StatusCode);
        Assert.Contains("<a href=\"#priority\">The priority must be a whole number", page, StringComparison.Ordinal);
        Assert.Contains("value=\"high\"", page, StringComparison.Ordinal);
        using var noSuchArea = await ConsoleBrowser.PostAsync(admin, "admin/rules", "admin/rules", ("areaKind", kind), ("areaCode", "nope"),
            ("operator", "demo-buses"));
        Assert.Equal(HttpStatusCode.BadRequest, noSuchArea.StatusCode);
        Assert.Contains($"<a href=\"#areaCode\">there is no area of kind &#x27;{kind}&#x27; with code &#x27;nope&#x27;.</a>",
            await noSuchArea.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(before, await app.WithDbAsync(db => db.RoutingRules.CountAsync()));

        using var added = await ConsoleBrowser.PostAsync(admin, "admin/rules", "admin/rules", ("areaKind", kind), ("areaCode", "q1"),
            ("category", "pothole"), ("operator", "demo-buses"), ("priority", "5"), ("activeFrom", "2026-01-01T08:00"));
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var id = int.Parse(added.Headers.Location!.OriginalString.Split('=', '#')[1], System.Globalization.CultureInfo.InvariantCulture);
        var rule = await app.WithDbAsync(db => db.RoutingRules.AsNoTracking().SingleAsync(r => r.Id == id));
        Assert.Equal((5, new DateTimeOffset(2026, 1, 1, 8, 0, 0, TimeSpan.Zero)), (rule.Priority, rule.ActiveFrom!.Value));
        var table = await admin.GetStringAsync($"admin/rules?area={kind}&sort=priority&dir=desc");
        Assert.Contains($"id=\"rule-{id}\"", table, StringComparison.Ordinal);
        Assert.Contains("aria-sort=\"descending\"", table, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"rule-1\"", table, StringComparison.Ordinal);

        using var edited = await ConsoleBrowser.PostAsync(admin, $"admin/rules/{id}/edit", $"admin/rules/{id}", ("areaKind", kind), ("areaCode", "q1"),
            ("category", "pothole"), ("operator", "demo-city-council"), ("priority", "7"));
        Assert.Equal($"/admin/rules?changed={id}#rule-{id}", edited.Headers.Location!.OriginalString);
        rule = await app.WithDbAsync(db => db.RoutingRules.AsNoTracking().SingleAsync(r => r.Id == id));
        Assert.Equal(7, rule.Priority);
        Assert.Null(rule.ActiveFrom);

        using var retired = await ConsoleBrowser.PostAsync(admin, "admin/rules", $"admin/rules/{id}/retire");
        Assert.Equal($"/admin/rules?retired={id}", retired.Headers.Location!.OriginalString);
        rule = await app.WithDbAsync(db => db.RoutingRules.AsNoTracking().SingleAsync(r => r.Id == id));
        Assert.True(rule.ActiveTo <= DateTimeOffset.UtcNow);
        using var again = await ConsoleBrowser.PostAsync(admin, "admin/rules", $"admin/rules/{id}/retire");
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Contains($"Rule {id} has already ended.", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(AppsFixture.Providers), MemberType = typeof(AppsFixture))]
    public async Task A_rules_CSV_is_previewed_before_it_changes_anything(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        using var admin = await ConsoleBrowser.AdminAsync(app);
        var kind = await SquareAsync(app, 92, 20);
        var before = await app.WithDbAsync(db => db.RoutingRules.CountAsync());

        var bad = Encoding.UTF8.GetBytes($"area_kind,area_code,category,operator,priority,active_from,active_to\n{kind},q1,,nobody,1,,\n");
        using var refused = await ConsoleBrowser.UploadAsync(admin, "admin/rules", "admin/rules/import/preview", "csv", "rules.csv", bad);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("Line 2: there is no operator &#x27;nobody&#x27;.", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var good = Encoding.UTF8.GetBytes($"area_kind,area_code,category,operator,priority,active_from,active_to\n{kind},q1,pothole,demo-buses,3,,\n");
        using var preview = await ConsoleBrowser.UploadAsync(admin, "admin/rules", "admin/rules/import/preview", "csv", "rules.csv", good);
        var page = await preview.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        Assert.Contains("1 rules to add, nothing removed.", page, StringComparison.Ordinal);
        Assert.Contains("Square q1", page, StringComparison.Ordinal);
        Assert.Equal(before, await app.WithDbAsync(db => db.RoutingRules.CountAsync()));

        using var imported = await ConsoleBrowser.PostAsync(admin, "admin/rules", "admin/rules/import", ("upload", ConsoleBrowser.UploadId(page)), ("replace", "false"));
        Assert.Equal("/admin/rules?imported=1&removed=0", imported.Headers.Location!.OriginalString);
        Assert.Equal(before + 1, await app.WithDbAsync(db => db.RoutingRules.CountAsync()));
    }

    [Theory]
    [MemberData(nameof(AppsFixture.Providers), MemberType = typeof(AppsFixture))]
    public async Task The_dry_run_orders_the_candidates_now_and_with_a_pending_rule_and_saves_nothing(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        using var admin = await ConsoleBrowser.AdminAsync(app);
        var kind = await SquareAsync(app, 94, 20);
        var before = await app.WithDbAsync(db => db.RoutingRules.CountAsync());

        var now = await admin.GetStringAsync("admin/rules/dry-run?lat=20.5&lon=94.5&reportCategory=pothole");
        Assert.Contains("Square q1", now, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"before-none\"", now, StringComparison.Ordinal);

        var path = $"admin/rules/dry-run?lat=20.5&lon=94.5&reportCategory=pothole&change=new&areaKind={kind}&areaCode=q1&category=pothole&operator=demo-buses&priority=0";
        // The page writes × and → as character references; the text is what a reader sees.
        var pending = WebUtility.HtmlDecode(await admin.GetStringAsync(path));
        Assert.Contains("data-testid=\"after\"", pending, StringComparison.Ordinal);
        Assert.Contains("new rule: Square q1 × Potholes → Demo Buses", pending, StringComparison.Ordinal);
        Assert.Contains("The change moves this report: nobody (unrouted) → Demo Buses.", pending, StringComparison.Ordinal);
        Assert.Equal(before, await app.WithDbAsync(db => db.RoutingRules.CountAsync()));

        // Saved from the dry run, the rule is the live answer: the public explain agrees.
        using var saved = await ConsoleBrowser.PostAsync(admin, path, "admin/rules", ("areaKind", kind), ("areaCode", "q1"), ("category", "pothole"),
            ("operator", "demo-buses"), ("priority", "0"));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var explain = await app.Client.GetFromJsonAsync<System.Text.Json.JsonElement>("api/routing/explain?lat=20.5&lon=94.5&category=pothole");
        Assert.Contains("Demo Buses", explain.GetProperty("explanation").GetString(), StringComparison.Ordinal);

        using var badPoint = await admin.GetAsync("admin/rules/dry-run?lat=abc&lon=94.5");
        Assert.Equal(HttpStatusCode.BadRequest, badPoint.StatusCode);
        Assert.Contains("<a href=\"#lat\">Latitude must be a number between -90 and 90.</a>", await badPoint.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
