using FixIt.Application.Abstractions;
using FixIt.Domain.Places;
using FixIt.Infrastructure.Persistence;

namespace FixIt.Infrastructure.Places;

/// <summary>Saves a batch in the request's context (and so its transaction), then empties the change tracker.</summary>
internal sealed class EfPlaceStore(FixItDbContext db) : IPlaceStore
{
    public async Task AddAsync(IReadOnlyList<Place> places, CancellationToken cancellationToken)
    {
        var detect = db.ChangeTracker.AutoDetectChangesEnabled;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            db.Places.AddRange(places);
            await db.SaveChangesAsync(cancellationToken);
        }
        finally
        {
            db.ChangeTracker.Clear();
            db.ChangeTracker.AutoDetectChangesEnabled = detect;
        }
    }
}
