using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using FixIt.Infrastructure.Persistence;
using FixIt.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace FixIt.IntegrationTests.AdminConsole;

/// <summary>/admin/areas: a boundary file uploaded in the browser, previewed (repairs and rejections), then imported.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class AreaUploadTests(ConsoleApps apps)
{
    private static string Kind() => "t" + Guid.NewGuid().ToString("N")[..10];

    /// <summary>A good square, a bow-tie (repaired into two triangles) and a point (rejected).</summary>
    private static byte[] GeoJson(double west, double south)
    {
        string At(double x, double y) => FormattableString.Invariant($"[{west + x},{south + y}]");
        string Feature(string label, string code, string geometry) =>
            "{\"type\":\"Feature\",\"properties\":{\"label\":\"" + label + "\",\"ref\":\"" + code + "\"},\"geometry\":" + geometry + "}";
        var square = "{\"type\":\"Polygon\",\"coordinates\":[[" + string.Join(',', At(0, 0), At(1, 0), At(1, 1), At(0, 1), At(0, 0)) + "]]}";
        var bowTie = "{\"type\":\"Polygon\",\"coordinates\":[[" + string.Join(',', At(2, 0), At(3, 1), At(3, 0), At(2, 1), At(2, 0)) + "]]}";
        var point = "{\"type\":\"Point\",\"coordinates\":" + At(0, 0) + "}";
        return Encoding.UTF8.GetBytes("{\"type\":\"FeatureCollection\",\"features\":[" + string.Join(',',
            Feature("Good Square", "g1", square), Feature("Bow Tie", "b1", bowTie), Feature("A Point", "p1", point)) + "]}");
    }

    [Theory]
    [MemberData(nameof(AppsFixture.Providers), MemberType = typeof(AppsFixture))]
    public async Task A_GeoJSON_upload_is_previewed_with_repairs_and_rejections_and_imported_only_as_chosen(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        using var admin = await ConsoleBrowser.AdminAsync(app);
        var kind = Kind();

        using var uploaded = await ConsoleBrowser.UploadAsync(admin, "admin/areas", "admin/areas/upload", "file", "wards.geojson", GeoJson(60, 10), ("kind", kind));
        var preview = await uploaded.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, uploaded.StatusCode);
        // The file's own keys are offered as the name and code properties.
        Assert.Contains("<option value=\"label\"", preview, StringComparison.Ordinal);
        Assert.Contains("<option value=\"ref\"", preview, StringComparison.Ordinal);

        using var chosen = await ConsoleBrowser.PostAsync(admin, "admin/areas", "admin/areas/preview", ("upload", ConsoleBrowser.UploadId(preview)),
            ("fileName", "wards.geojson"), ("kind", kind), ("nameProperty", "label"), ("codeProperty", "ref"));
        var page = await chosen.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, chosen.StatusCode);
        Assert.Contains("2 to add, 0 to replace, 1 repaired, 1 rejected.", page, StringComparison.Ordinal);
        Assert.Contains("Feature 2 is a Point, not a Polygon or MultiPolygon.", page, StringComparison.Ordinal);
        Assert.Contains("Feature 1 (b1) was repaired", page, StringComparison.Ordinal);
        Assert.Equal(0, await app.WithDbAsync(db => db.Areas.CountAsync(a => a.Kind == kind)));

        // All or nothing unless the rejected ones are left out on purpose.
        var fields = new (string, string?)[] { ("upload", ConsoleBrowser.UploadId(page)), ("fileName", "wards.geojson"), ("kind", kind),
            ("nameProperty", "label"), ("codeProperty", "ref") };
        using var refused = await ConsoleBrowser.PostAsync(admin, "admin/areas", "admin/areas/import", fields);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("href=\"#rejected\"", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await app.WithDbAsync(db => db.Areas.CountAsync(a => a.Kind == kind)));

        using var imported = await ConsoleBrowser.PostAsync(admin, "admin/areas", "admin/areas/import", [.. fields, ("skipRejected", "true")]);
        Assert.Equal(HttpStatusCode.Redirect, imported.StatusCode);
        Assert.Equal($"/admin/areas?kind={kind}&added=2&updated=0", imported.Headers.Location!.OriginalString);
        var codes = await app.WithDbAsync(db => db.Areas.Where(a => a.Kind == kind).OrderBy(a => a.Code).Select(a => a.Code + ":" + a.Name).ToListAsync());
        Assert.Equal(["b1:Bow Tie", "g1:Good Square"], codes);

        var list = await admin.GetStringAsync($"admin/areas?q=good&kind={kind}");
        Assert.Contains("Good Square", list, StringComparison.Ordinal);
        Assert.DoesNotContain("Bow Tie", list, StringComparison.Ordinal);
        var id = await app.WithDbAsync(db => db.Areas.Where(a => a.Kind == kind && a.Code == "g1").Select(a => a.Id).SingleAsync());
        var areaPage = await admin.GetStringAsync($"admin/areas/{id}");
        Assert.Contains("60, 10", areaPage, StringComparison.Ordinal);
        Assert.Contains("No rule names this area.", areaPage, StringComparison.Ordinal);
        var shape = JsonNode.Parse(await admin.GetStringAsync($"admin/areas/{id}/shape.geojson"))!;
        Assert.Equal("Polygon", shape["features"]![0]!["geometry"]!["type"]!.GetValue<string>());
    }

    [Theory]
    [MemberData(nameof(AppsFixture.Providers), MemberType = typeof(AppsFixture))]
    public async Task A_TopoJSON_with_two_objects_offers_both_and_imports_the_chosen_one(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        using var admin = await ConsoleBrowser.AdminAsync(app);
        var kind = Kind();
        var topology = JsonNode.Parse(AdminRequests.SquaresTopoJson(70, 10, 1, "s1", "s2"))!;
        var more = topology["objects"]!["squares"]!.DeepClone();
        foreach (var geometry in more["geometries"]!.AsArray())
        {
            geometry!["id"] = "m" + geometry["id"]!.GetValue<string>()[1..];
        }

        topology["objects"]!["districts"] = more;

        using var uploaded = await ConsoleBrowser.UploadAsync(admin, "admin/areas", "admin/areas/upload", "file", "two.topojson",
            Encoding.UTF8.GetBytes(topology.ToJsonString()), ("kind", kind));
        var first = await uploaded.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, uploaded.StatusCode);
        Assert.Contains("<option value=\"squares\" selected", first, StringComparison.Ordinal);
        Assert.Contains("<option value=\"districts\"", first, StringComparison.Ordinal);
        Assert.Contains("<option value=\"id\" selected", first, StringComparison.Ordinal);

        var fields = new (string, string?)[] { ("upload", ConsoleBrowser.UploadId(first)), ("fileName", "two.topojson"), ("kind", kind),
            ("object", "districts"), ("nameProperty", "name"), ("codeProperty", "id") };
        using var chosen = await ConsoleBrowser.PostAsync(admin, "admin/areas", "admin/areas/preview", fields);
        var preview = await chosen.Content.ReadAsStringAsync();
        Assert.Contains("<td>m1</td>", preview, StringComparison.Ordinal);
        Assert.DoesNotContain("<td>s1</td>", preview, StringComparison.Ordinal);

        using var imported = await ConsoleBrowser.PostAsync(admin, "admin/areas", "admin/areas/import", fields);
        Assert.Equal(HttpStatusCode.Redirect, imported.StatusCode);
        Assert.Equal(["m1", "m2"], await app.WithDbAsync(db => db.Areas.Where(a => a.Kind == kind).OrderBy(a => a.Code).Select(a => a.Code).ToListAsync()));
    }

    [Theory]
    [MemberData(nameof(AppsFixture.Providers), MemberType = typeof(AppsFixture))]
    public async Task A_file_over_the_limit_or_a_missing_kind_is_named_at_its_field(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        using var admin = await ConsoleBrowser.AdminAsync(app);

        var big = Encoding.UTF8.GetBytes("{\"type\":\"FeatureCollection\",\"features\":[]," + new string(' ', ConsoleApps.UploadLimit) + "}");
        using var tooLarge = await ConsoleBrowser.UploadAsync(admin, "admin/areas", "admin/areas/upload", "file", "big.json", big, ("kind", "ward"));
        var page = await tooLarge.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooLarge.StatusCode);
        Assert.Contains("<a href=\"#file\">The file is larger than the limit", page, StringComparison.Ordinal);
        Assert.Contains("id=\"file-error\"", page, StringComparison.Ordinal);

        using var noKind = await ConsoleBrowser.UploadAsync(admin, "admin/areas", "admin/areas/upload", "file", "ok.geojson", GeoJson(80, 10));
        var named = await noKind.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, noKind.StatusCode);
        Assert.Contains("<a href=\"#kind\">The kind must be lower-case letters", named, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(AppsFixture.Providers), MemberType = typeof(AppsFixture))]
    public async Task A_small_TopoJSON_naming_one_arc_too_often_is_refused_at_the_file_field_on_upload_and_preview(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        using var admin = await ConsoleBrowser.AdminAsync(app);
        var kind = Kind();
        var bomb = TopoJsonBomb.Build(20, 99);
        Assert.True(bomb.Length < ConsoleApps.UploadLimit);

        using var uploaded = await ConsoleBrowser.UploadAsync(admin, "admin/areas", "admin/areas/upload", "file", "bomb.topojson", bomb, ("kind", kind));
        var page = await uploaded.Content.ReadAsStringAsync();
        using var chosen = await ConsoleBrowser.PostAsync(admin, "admin/areas", "admin/areas/import", ("upload", ConsoleBrowser.UploadId(page)),
            ("kind", kind), ("nameProperty", "name"), ("codeProperty", "code"));

        Assert.Equal(HttpStatusCode.BadRequest, uploaded.StatusCode);
        Assert.Contains("<a href=\"#file\">The file has more than the limit of 1,000 vertices (features 0 to 10 alone have 1,100).</a>", page,
            StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, chosen.StatusCode);
        Assert.Contains("more than the limit of 1,000 vertices", await chosen.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await app.WithDbAsync(db => db.Areas.CountAsync(a => a.Kind == kind)));
    }

    [Theory]
    [MemberData(nameof(AppsFixture.Providers), MemberType = typeof(AppsFixture))]
    public async Task The_imported_areas_record_the_uploaded_files_own_name_whatever_the_form_says(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        using var admin = await ConsoleBrowser.AdminAsync(app);
        var kind = Kind();

        using var uploaded = await ConsoleBrowser.UploadAsync(admin, "admin/areas", "admin/areas/upload", "file", "wards.geojson", GeoJson(90, 10), ("kind", kind));
        var preview = await uploaded.Content.ReadAsStringAsync();
        using var imported = await ConsoleBrowser.PostAsync(admin, "admin/areas", "admin/areas/import", ("upload", ConsoleBrowser.UploadId(preview)),
            ("fileName", "../../evil<script>alert(1)</script>.json"), ("kind", kind), ("nameProperty", "label"), ("codeProperty", "ref"),
            ("skipRejected", "true"));

        Assert.Contains("<h1>Import areas from wards.geojson</h1>", preview, StringComparison.Ordinal);
        Assert.DoesNotContain("name=\"fileName\"", preview, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, imported.StatusCode);
        var sources = await app.WithDbAsync(db => db.Areas.Where(a => a.Kind == kind).Select(a => a.Source).Distinct().ToListAsync());
        var source = Assert.Single(sources);
        Assert.StartsWith("console upload of wards.geojson by ", source, StringComparison.Ordinal);
    }
}
