using FixIt.Application.Abstractions;
using FixIt.Application.Common;
using FixIt.Domain.Places;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace FixIt.Application.Features.Places.SearchPlaces;

/// <summary>Places whose name or code starts with what the resident typed, best first.</summary>
public sealed record SearchPlacesQuery(string? Q, int Limit = SearchPlacesQuery.DefaultLimit) : IQuery<IReadOnlyList<PlaceMatch>>
{
    public const int DefaultLimit = 10;
    public const int MaxLimit = 50;
    public const int MaxQueryLength = 200;
}

/// <summary>One place found: what the resident sees and where the pin goes.</summary>
public sealed record PlaceMatch(string Name, string Kind, string? Code, double Latitude, double Longitude);

/// <summary>
/// Ranks exact matches of the whole name or the code first, then names that start with the query, then names with a
/// later word that does; within each, places with more people, then towns before streets before stops. Every
/// database runs the same two index range scans over <see cref="PlaceKey"/> (ADR 0120).
/// </summary>
internal sealed class SearchPlacesHandler(IFixItDb db, IEnumerable<IPlaceGeocoder> fallbacks) : IQueryHandler<SearchPlacesQuery, IReadOnlyList<PlaceMatch>>
{
    // Enough candidates that a whole-name match is among them even when busier places share the prefix; exact
    // matches are looked up on their own. A prefix reads at most ScanLimit keys (alphabetically first) to rank.
    private const int Candidates = 40;
    private const int ScanLimit = 2_000;

    public async ValueTask<IReadOnlyList<PlaceMatch>> Handle(SearchPlacesQuery query, CancellationToken cancellationToken)
    {
        var limit = Math.Clamp(query.Limit, 1, SearchPlacesQuery.MaxLimit);
        var found = await SearchOwnAsync(query.Q ?? "", limit, cancellationToken);
        return found.Count == 0 && fallbacks.FirstOrDefault() is { } fallback
            ? await fallback.SearchAsync(query.Q!.Trim(), limit, cancellationToken)
            : found;
    }

    private async Task<IReadOnlyList<PlaceMatch>> SearchOwnAsync(string q, int limit, CancellationToken cancellationToken)
    {
        var text = PlaceSearchText.Normalise(q);
        if (text.Length == 0)
        {
            return [];
        }

        // "ls1 1u" is also looked for as "ls11u": codes are stored without their spaces.
        var compact = PlaceSearchText.Compact(text);
        var candidates = new List<Candidate>();
        foreach (var variant in text == compact ? [text] : new[] { text, compact })
        {
            candidates.AddRange(await Matches(db.PlaceKeys.Where(k => k.Key == variant), cancellationToken));
            var end = PlaceSearchText.PrefixEnd(variant);

            // SQL "Key >= @variant AND Key < @end", read in index order and cut at ScanLimit so a one-letter query
            // costs no more than a long one; the column's binary collation does the comparing (ADR 0120).
#pragma warning disable CA1309, CA1310
            var range = db.PlaceKeys.Where(k => string.Compare(k.Key, variant) >= 0 && string.Compare(k.Key, end) < 0);
#pragma warning restore CA1309, CA1310
            candidates.AddRange(await Matches(range.OrderBy(k => k.Key).Take(ScanLimit), cancellationToken));
        }

        return [.. candidates
            .DistinctBy(p => p.Id)
            .Select(p => (Place: p, Score: Score(p, text, compact)))
            .OrderBy(m => m.Score)
            .ThenByDescending(m => m.Place.Rank)
            .ThenBy(m => m.Place.Name, StringComparer.Ordinal)
            .Take(limit)
            .Select(m => new PlaceMatch(m.Place.Name, m.Place.Kind, m.Place.Code, m.Place.Latitude, m.Place.Longitude))];
    }

    private Task<List<Candidate>> Matches(IQueryable<PlaceKey> keys, CancellationToken cancellationToken) =>
        keys.OrderByDescending(k => k.Rank).Take(Candidates)
            .Join(db.Places, k => k.PlaceId, p => p.Id, (k, p) => new Candidate(p.Id, p.Name, p.Kind, p.Code, p.Latitude, p.Longitude, k.Rank))
            .AsNoTracking()
            .ToListAsync(cancellationToken);

    private static int Score(Candidate place, string text, string compact)
    {
        var name = PlaceSearchText.Normalise(place.Name);
        var code = place.Code is null ? null : PlaceSearchText.Compact(PlaceSearchText.Normalise(place.Code));
        return name == text || code == compact ? 0
            : name.StartsWith(text, StringComparison.Ordinal) || (code?.StartsWith(compact, StringComparison.Ordinal) ?? false) ? 1
            : 2;
    }

    private sealed record Candidate(int Id, string Name, string Kind, string? Code, double Latitude, double Longitude, long Rank);
}

internal sealed class SearchPlacesValidator : AbstractValidator<SearchPlacesQuery>
{
    public SearchPlacesValidator()
    {
        RuleFor(q => q.Q).NotEmpty().WithName("q").WithMessage(_ => ValidationText.Get("PlaceQuery"));
        RuleFor(q => q.Q).MaximumLength(SearchPlacesQuery.MaxQueryLength).WithName("q")
            .Must(q => q is null || !q.Any(char.IsControl)).WithMessage(_ => ValidationText.Get("PlaceQueryLine"));
        RuleFor(q => q.Limit).InclusiveBetween(1, SearchPlacesQuery.MaxLimit).WithName("limit");
    }
}
