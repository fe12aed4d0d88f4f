using System.Net;
using System.Text;
using FixIt.Infrastructure.Persistence;
using FixIt.Infrastructure.Places;
using FixIt.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FixIt.IntegrationTests.Places;

/// <summary>The optional outside search (Places:Geocoder:Url): asked only when the gazetteer has nothing, never stored.</summary>
public sealed class GeocoderFallbackTests
{
    [Fact]
    public async Task An_outside_search_answers_only_when_the_gazetteer_has_nothing_and_is_not_stored()
    {
        var nominatim = new StubNominatim();
        await using var app = await FixItApp.StartAsync(DatabaseProvider.Sqlite,
            new Dictionary<string, string?> { ["Places:Geocoder:Url"] = "http://nominatim.test/", ["Places:Geocoder:CountryCodes"] = "fr" },
            services => services.AddHttpClient<NominatimGeocoder>().ConfigurePrimaryHttpMessageHandler(() => nominatim));
        await PlaceFiles.ImportAsync(app, "local.csv", "name,latitude,longitude,kind\nEiffelbridge Road,53.8,-1.55,street\n");

        var outside = await app.Client.GetJsonAsync("api/places?q=tour%20eiffel");
        var local = await app.Client.GetJsonAsync("api/places?q=eiffelbr");

        var found = Assert.Single(outside.EnumerateArray());
        Assert.Equal("Tour Eiffel, Paris, France", found.GetProperty("name").GetString());
        Assert.Equal("attraction", found.GetProperty("kind").GetString());
        Assert.Equal(48.8584, found.GetProperty("latitude").GetDouble());
        Assert.Equal("Eiffelbridge Road", Assert.Single(local.EnumerateArray()).GetProperty("name").GetString());
        var asked = Assert.Single(nominatim.Requests);
        Assert.Equal("http://nominatim.test/search?format=jsonv2&limit=10&q=tour%20eiffel&countrycodes=fr", asked.AbsoluteUri);
        Assert.Equal(1, await app.WithDbAsync(db => db.Places.CountAsync()));
    }

    [Fact]
    public async Task A_failing_outside_search_gives_no_places_not_an_error()
    {
        var nominatim = new StubNominatim { Status = HttpStatusCode.ServiceUnavailable };
        await using var app = await FixItApp.StartAsync(DatabaseProvider.Sqlite,
            new Dictionary<string, string?> { ["Places:Geocoder:Url"] = "http://nominatim.test" },
            services => services.AddHttpClient<NominatimGeocoder>().ConfigurePrimaryHttpMessageHandler(() => nominatim));

        var found = await app.Client.GetJsonAsync("api/places?q=nowhere");

        Assert.Empty(found.EnumerateArray());
        Assert.Single(nominatim.Requests);
    }

    private sealed class StubNominatim : HttpMessageHandler
    {
        public HttpStatusCode Status { get; init; } = HttpStatusCode.OK;

        public List<Uri> Requests { get; } = [];

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            lock (Requests)
            {
                Requests.Add(request.RequestUri!);
            }

            const string Body = """
                [{"lat": "48.8584", "lon": "2.2945", "name": "Tour Eiffel", "display_name": "Tour Eiffel, Paris, France", "type": "attraction"},
                 {"lat": "north", "lon": "2.2", "name": "Broken", "display_name": "Broken", "type": "x"}]
                """;
            return Task.FromResult(new HttpResponseMessage(Status) { Content = new StringContent(Body, Encoding.UTF8, "application/json") });
        }
    }
}
