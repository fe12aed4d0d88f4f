using FixIt.Domain.Places;

namespace FixIt.Application.Abstractions;

/// <summary>
/// Saves a batch of imported places in the command's transaction and forgets them, so an import of millions of places
/// holds one batch in memory at a time.
/// </summary>
public interface IPlaceStore
{
    Task AddAsync(IReadOnlyList<Place> places, CancellationToken cancellationToken);
}
