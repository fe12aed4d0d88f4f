using FixIt.Infrastructure.Persistence;
using FixIt.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace FixIt.IntegrationTests.Places;

/// <summary>Search by name or code (prefix, accents ignored, best first) and the nearest place on a report.</summary>
[Collection(PlacesCollection.Name)]
public sealed class PlaceSearchTests(PlacesApps apps)
{
    private static async Task<FixItApp> WithPlacesAsync(PlacesApps apps, DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var (code, _, error) = await PlaceFiles.ImportAsync(app, "search-places.csv",
            "name,latitude,longitude,kind,code,population\n" +
            "Saint-Étienne-de-Brûlon,45.43,4.39,town,,170000\n" +
            "Brûlon Street,53.805,-1.553,street,,\n" +
            "Brulon,47.97,-0.23,village,,1500\n" +
            "Old Brulon Road,53.806,-1.554,street,,\n" +
            "\"Stop 4, Kelderby Lane\",53.79985,-1.54925,stop,KB4,\n" +
            "Kelderby Lane,53.8009,-1.5499,street,LS2 7KB,\n");
        Assert.True(code == 0, error);
        return app;
    }

    [Theory]
    [MemberData(nameof(AppsFixture.Providers), MemberType = typeof(AppsFixture))]
    public async Task Search_ignores_accents_and_case_and_ranks_exact_then_prefix_then_later_words(DatabaseProvider provider)
    {
        var app = await WithPlacesAsync(apps, provider);

        var names = (await app.Client.GetJsonAsync("api/places?q=BRULON")).EnumerateArray().Select(p => p.GetProperty("name").GetString()).ToList();
        var accented = (await app.Client.GetJsonAsync("api/places?q=saint%20etienne")).EnumerateArray().Select(p => p.GetProperty("name").GetString());

        // Exact first; then names starting with it (by population, then kind); then a later word starting with it.
        Assert.Equal(["Brulon", "Brûlon Street", "Saint-Étienne-de-Brûlon", "Old Brulon Road"], names);
        Assert.Equal(["Saint-Étienne-de-Brûlon"], accented);
    }

    [Theory]
    [MemberData(nameof(AppsFixture.Providers), MemberType = typeof(AppsFixture))]
    public async Task A_postcode_is_found_with_or_without_its_space(DatabaseProvider provider)
    {
        var app = await WithPlacesAsync(apps, provider);

        var spaced = await app.Client.GetJsonAsync("api/places?q=ls2%207k");
        var compact = await app.Client.GetJsonAsync("api/places?q=LS27KB");

        Assert.Equal("Kelderby Lane", Assert.Single(spaced.EnumerateArray()).GetProperty("name").GetString());
        Assert.Equal("Kelderby Lane", Assert.Single(compact.EnumerateArray()).GetProperty("name").GetString());
    }

    [Theory]
    [MemberData(nameof(AppsFixture.Providers), MemberType = typeof(AppsFixture))]
    public async Task A_report_is_near_the_nearest_named_place_on_its_page_and_in_the_operator_subject(DatabaseProvider provider)
    {
        var app = await WithPlacesAsync(apps, provider);

        // ReportRequests.Valid is at 53.7997, -1.5492: about 20 m from the stop, 130 m from the lane's point.
        var submitted = await app.Client.SubmitAsync(ReportRequests.Valid("Lamp out by the stop"));
        var page = await app.Client.GetStringAsync(submitted.SecretPath());
        var id = submitted.GetProperty("id").GetInt32();
        await app.ConfirmAsync(id);
        var view = await app.Client.GetJsonAsync($"api/reports/{id}");

        Assert.Contains("near Stop 4, Kelderby Lane", page, StringComparison.Ordinal);
        Assert.Equal("Stop 4, Kelderby Lane", view.GetProperty("nearPlace").GetString());
        var stored = await app.WithDbAsync(db => db.Reports.SingleAsync(r => r.Id == id));
        var operatorMail = FixIt.Infrastructure.Mail.Composition.MailTemplates.ToOperator("FixIt", stored, "Street lighting", "Demo City Council",
            "http://localhost/reports/1", [], "reply@example.org", []);
        Assert.EndsWith("Lamp out by the stop near Stop 4, Kelderby Lane", operatorMail.Subject, StringComparison.Ordinal);
        Assert.Contains("Location: near Stop 4, Kelderby Lane, ", operatorMail.Text, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(AppsFixture.Providers), MemberType = typeof(AppsFixture))]
    public async Task A_report_far_from_every_place_names_none(DatabaseProvider provider)
    {
        var app = await WithPlacesAsync(apps, provider);
        var body = ReportRequests.Valid("Lamp out far away");
        body["latitude"] = 53.82;
        body["longitude"] = -1.59;

        var id = (await app.Client.SubmitAsync(body)).GetProperty("id").GetInt32();

        Assert.Null(await app.WithDbAsync(db => db.Reports.Where(r => r.Id == id).Select(r => r.NearPlace).SingleAsync()));
    }
}
