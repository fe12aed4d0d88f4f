using FixIt.Application.Abstractions;
using FixIt.Infrastructure.Persistence;
using FixIt.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FixIt.IntegrationTests.Open311;

/// <summary>With a geocoder plugged in, address_string stands in for lat and long.</summary>
public sealed class Open311GeocoderTests
{
    [Fact]
    public async Task Address_string_is_geocoded_stored_and_shown_when_a_geocoder_is_configured()
    {
        await using var app = await FixItApp.StartAsync(DatabaseProvider.Sqlite, Open311Fixture.Settings,
            services => services.AddSingleton<IGeocoder>(new OneAddressGeocoder()));
        var form = Open311Http.ValidForm().With("lat", null).With("long", null).With("address_string", "1 Park Row, Leeds");

        var token = Open311Doc.ListOf("xml", await app.PostAsync("xml", form), "service_requests", "request").Single()["token"];
        var unknown = await app.PostAsync("json", form.With("address_string", "Nowhere Lane"), System.Net.HttpStatusCode.BadRequest);

        var report = await app.WithDbAsync(db => db.Reports.SingleAsync(r => r.Open311Token == token));
        Assert.Equal((53.7995, -1.5467), (report.Latitude, report.Longitude));
        Assert.Equal("1 Park Row, Leeds", report.Address);
        Assert.StartsWith("address_string: The address 'Nowhere Lane' was not found",
            Open311Doc.ListOf("json", unknown, "errors", "error").Single()["description"], StringComparison.Ordinal);
        await app.UpdateAsync(report.Id, r => r.Confirm(Domain.Reports.EventSource.EmailLink, DateTimeOffset.UtcNow));
        var shown = Open311Doc.ListOf("json", await app.GetAsync($"open311/v2/requests/{report.Id}.json", "json"), "service_requests", "request").Single();
        Assert.Equal("1 Park Row, Leeds", shown["address"]);
    }

    private sealed class OneAddressGeocoder : IGeocoder
    {
        public Task<(double Latitude, double Longitude)?> GeocodeAsync(string address, CancellationToken cancellationToken) =>
            Task.FromResult<(double, double)?>(address == "1 Park Row, Leeds" ? (53.7995, -1.5467) : null);
    }
}
