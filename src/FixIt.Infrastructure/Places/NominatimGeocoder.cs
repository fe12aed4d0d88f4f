using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Serialization;
using FixIt.Application.Abstractions;
using FixIt.Application.Features.Places.SearchPlaces;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FixIt.Infrastructure.Places;

/// <summary>Bound from "Places:Geocoder": an outside Nominatim-compatible search, off (no Url) by default.</summary>
public sealed class GeocoderOptions
{
    public const string SectionName = "Places:Geocoder";

    /// <summary>The service's base address, such as https://nominatim.openstreetmap.org; empty: no outside search.</summary>
    public string Url { get; set; } = "";

    /// <summary>Sent as User-Agent: Nominatim's usage policy asks for one that names the application.</summary>
    public string UserAgent { get; set; } = "FixIt";

    /// <summary>Restricts results to these ISO 3166-1 countries (Nominatim's countrycodes, such as "gb"); empty: anywhere.</summary>
    public string CountryCodes { get; set; } = "";

    public double TimeoutSeconds { get; set; } = 5;
}

/// <summary>
/// Nominatim's /search (format jsonv2): the place search's fallback when the gazetteer has nothing, and the Open311
/// address_string geocoder. A slow or failing service gives no results rather than an error: the map still works.
/// </summary>
internal sealed partial class NominatimGeocoder(HttpClient http, IOptions<GeocoderOptions> options, ILogger<NominatimGeocoder> logger)
    : IPlaceGeocoder, IGeocoder
{
    public async Task<IReadOnlyList<PlaceMatch>> SearchAsync(string query, int limit, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var url = string.Create(CultureInfo.InvariantCulture,
            $"{settings.Url.TrimEnd('/')}/search?format=jsonv2&limit={limit}&q={Uri.EscapeDataString(query)}")
            + (settings.CountryCodes.Length > 0 ? $"&countrycodes={Uri.EscapeDataString(settings.CountryCodes)}" : "");
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(settings.TimeoutSeconds));
            var found = await http.GetFromJsonAsync<List<NominatimPlace>>(url, timeout.Token) ?? [];
            return [.. found
                .Where(p => p.Name is { Length: > 0 } || p.DisplayName is { Length: > 0 })
                .Select(p => (Place: p, Latitude: Number(p.Lat), Longitude: Number(p.Lon)))
                .Where(p => p.Latitude is >= -90 and <= 90 && p.Longitude is >= -180 and <= 180)
                .Select(p => new PlaceMatch(p.Place.DisplayName ?? p.Place.Name!, p.Place.Type ?? "place", null, p.Latitude!.Value, p.Longitude!.Value))
                .Take(limit)];
        }
        catch (Exception ex) when (ex is HttpRequestException or System.Text.Json.JsonException
            || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            LogFailed(logger, ex);
            return [];
        }
    }

    public async Task<(double Latitude, double Longitude)?> GeocodeAsync(string address, CancellationToken cancellationToken) =>
        (await SearchAsync(address, 1, cancellationToken)) is [var first, ..] ? (first.Latitude, first.Longitude) : ((double, double)?)null;

    private static double? Number(string? text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value) ? value : null;

    [LoggerMessage(Level = LogLevel.Warning, Message = "The outside place search did not answer; no results shown")]
    private static partial void LogFailed(ILogger logger, Exception exception);

    private sealed record NominatimPlace(
        [property: JsonPropertyName("lat")] string? Lat,
        [property: JsonPropertyName("lon")] string? Lon,
        [property: JsonPropertyName("name")] string? Name,
        [property: JsonPropertyName("display_name")] string? DisplayName,
        [property: JsonPropertyName("type")] string? Type);
}
