using System.Net;
using System.Text.Json;
using FixIt.Infrastructure.Persistence;
using FixIt.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace FixIt.IntegrationTests.Places;

/// <summary>import-places in each format it reads, and what it does with bad lines.</summary>
[Collection(PlacesCollection.Name)]
public sealed class PlaceImportTests(PlacesApps apps)
{
    [Theory]
    [MemberData(nameof(AppsFixture.Providers), MemberType = typeof(AppsFixture))]
    public async Task A_simple_csv_with_codes_is_imported_and_found_by_name_and_postcode(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var (code, output, error) = await PlaceFiles.ImportAsync(app, "csv-places.csv",
            "name,latitude,longitude,kind,code\n" +
            "Quarrington Terrace,53.801,-1.551,street,QT1 9ZZ\n" +
            "\"Quarry Hill, Upper\",53.799,-1.534,street,\n");

        Assert.True(code == 0, error);
        Assert.Equal("Imported 2 places.", output.Trim());
        var byName = await app.Client.GetJsonAsync("api/places?q=quarrington");
        var byCode = await app.Client.GetJsonAsync("api/places?q=qt1%209z");
        var quoted = await app.Client.GetJsonAsync("api/places?q=Quarry%20Hill%2C%20Up");

        var place = Assert.Single(byName.EnumerateArray());
        Assert.Equal("Quarrington Terrace", place.GetProperty("name").GetString());
        Assert.Equal("street", place.GetProperty("kind").GetString());
        Assert.Equal("QT1 9ZZ", place.GetProperty("code").GetString());
        Assert.Equal(53.801, place.GetProperty("latitude").GetDouble());
        Assert.Equal(-1.551, place.GetProperty("longitude").GetDouble());
        Assert.Equal("Quarrington Terrace", Assert.Single(byCode.EnumerateArray()).GetProperty("name").GetString());
        Assert.Equal("Quarry Hill, Upper", Assert.Single(quoted.EnumerateArray()).GetProperty("name").GetString());
    }

    [Theory]
    [MemberData(nameof(AppsFixture.Providers), MemberType = typeof(AppsFixture))]
    public async Task A_geonames_file_is_imported_with_population_and_kinds(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        string Line(int id, string name, double lat, double lon, string featureClass, string featureCode, long population) =>
            string.Join('\t', id.ToString(System.Globalization.CultureInfo.InvariantCulture), name, name, "", lat.ToString(System.Globalization.CultureInfo.InvariantCulture),
                lon.ToString(System.Globalization.CultureInfo.InvariantCulture), featureClass, featureCode, "GB", "", "ENG", "", "", "",
                population.ToString(System.Globalization.CultureInfo.InvariantCulture), "", "50", "Europe/London", "2024-01-01");
        var file = string.Join('\n',
            Line(1, "Zyrdale Road", 53.81, -1.56, "R", "RD", 0),
            Line(2, "Zyrdale", 53.82, -1.57, "P", "PPL", 150_000),
            Line(3, "Zyrdale Bridge", 53.83, -1.58, "P", "PPL", 800)) + "\n";

        var (code, _, error) = await PlaceFiles.ImportAsync(app, "geonames-gb.txt", file);

        Assert.True(code == 0, error);
        var found = (await app.Client.GetJsonAsync("api/places?q=zyrd")).EnumerateArray().ToList();
        Assert.Equal(["Zyrdale", "Zyrdale Bridge", "Zyrdale Road"], found.Select(p => p.GetProperty("name").GetString()));
        Assert.Equal(["city", "village", "street"], found.Select(p => p.GetProperty("kind").GetString()));
    }

    [Theory]
    [MemberData(nameof(AppsFixture.Providers), MemberType = typeof(AppsFixture))]
    public async Task A_gtfs_stops_file_is_imported_as_stops_with_their_codes(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var (code, output, error) = await PlaceFiles.ImportAsync(app, "stops.txt",
            "stop_id,stop_code,stop_name,stop_desc,stop_lat,stop_lon,location_type,parent_station\n" +
            "S1,45010001,\"Stop 4, Yarrowby Lane\",,53.8001,-1.5401,0,\n" +
            "S2,,Yarrowby Interchange,,53.8002,-1.5402,1,\n" +
            "S3,,Yarrowby node,,53.8003,-1.5403,3,S2\n");

        Assert.True(code == 0, error);
        Assert.Equal("Imported 2 places.", output.Trim());
        var found = (await app.Client.GetJsonAsync("api/places?q=yarrowby")).EnumerateArray().ToList();
        Assert.Equal(2, found.Count);
        var stop = found.Single(p => p.GetProperty("kind").GetString() == "stop");
        Assert.Equal("Stop 4, Yarrowby Lane", stop.GetProperty("name").GetString());
        Assert.Equal("45010001", stop.GetProperty("code").GetString());
        Assert.Equal("station", found.Single(p => p.GetProperty("name").GetString() == "Yarrowby Interchange").GetProperty("kind").GetString());
    }

    [Theory]
    [MemberData(nameof(AppsFixture.Providers), MemberType = typeof(AppsFixture))]
    public async Task Bad_lines_are_named_by_line_number_and_nothing_is_saved(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var (code, _, error) = await PlaceFiles.ImportAsync(app, "bad-places.csv",
            "name,latitude,longitude,kind\n" +
            "Wexcombe Green,53.8,-1.5,park\n" +
            ",53.8,-1.5,park\n" +
            "Wexcombe Lane,95,-1.5,street\n" +
            "Wexcombe Road,53.8,east,street\n");

        Assert.Equal(2, code);
        Assert.Contains("Line 3: the name is empty.", error, StringComparison.Ordinal);
        Assert.Contains("Line 4: the latitude '95' is not a number between -90 and 90.", error, StringComparison.Ordinal);
        Assert.Contains("Line 5: the longitude 'east' is not a number between -180 and 180.", error, StringComparison.Ordinal);
        Assert.Equal(0, await app.WithDbAsync(db => db.Places.CountAsync(p => p.Source == "bad-places.csv")));
        Assert.Empty((await app.Client.GetJsonAsync("api/places?q=wexcombe")).EnumerateArray());
    }

    [Theory]
    [MemberData(nameof(AppsFixture.Providers), MemberType = typeof(AppsFixture))]
    public async Task A_file_in_no_known_format_is_refused(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);

        var (code, _, error) = await PlaceFiles.ImportAsync(app, "unknown.csv", "title,x,y\nA,1,2\n");

        Assert.Equal(2, code);
        Assert.Contains("name,latitude,longitude,kind", error, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(AppsFixture.Providers), MemberType = typeof(AppsFixture))]
    public async Task Importing_a_file_again_replaces_its_places(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        await PlaceFiles.ImportAsync(app, "again.csv", "name,latitude,longitude,kind\nVelmont Old,53.8,-1.5,street\n");

        var (code, output, _) = await PlaceFiles.ImportAsync(app, "again.csv", "name,latitude,longitude,kind\nVelmont New,53.8,-1.5,street\n");

        Assert.Equal(0, code);
        Assert.Equal("Imported 1 places, replacing 1 from an earlier import of again.csv.", output.Trim());
        var names = (await app.Client.GetJsonAsync("api/places?q=velmont")).EnumerateArray().Select(p => p.GetProperty("name").GetString());
        Assert.Equal(["Velmont New"], names);
    }

    [Theory]
    [MemberData(nameof(AppsFixture.Providers), MemberType = typeof(AppsFixture))]
    public async Task A_missing_or_overlong_q_is_a_problem_naming_q(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);

        foreach (var path in new[] { "api/places", "api/places?q=", $"api/places?q={new string('a', 201)}" })
        {
            using var response = await app.Client.GetAsync(path);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
            Assert.True(problem.GetProperty("errors").TryGetProperty("q", out _), path);
        }
    }
}
