namespace FixIt.Application.Abstractions;

/// <summary>
/// Turns an address into a point, for Open311 requests that give address_string instead of lat/long.
/// Optional: FixIt ships none (a geocoder is an outside service, chosen per deployment); without one,
/// such requests are refused with a clear error.
/// </summary>
public interface IGeocoder
{
    /// <summary>The point for the address, or null when the address is not found.</summary>
    Task<(double Latitude, double Longitude)?> GeocodeAsync(string address, CancellationToken cancellationToken);
}
