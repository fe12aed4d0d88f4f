using FixIt.Application.Features.Places.SearchPlaces;

namespace FixIt.Application.Abstractions;

/// <summary>
/// An outside place search asked when FixIt's own gazetteer finds nothing (a Nominatim-compatible service, set by
/// Places:Geocoder:Url; none by default, so searches stay inside FixIt). What it answers is shown, never stored.
/// </summary>
public interface IPlaceGeocoder
{
    Task<IReadOnlyList<PlaceMatch>> SearchAsync(string query, int limit, CancellationToken cancellationToken);
}
