using FixIt.Domain.Reports;

namespace FixIt.Benchmarks.Web;

/// <summary>One generated report row, in the Reports table's own terms.</summary>
internal sealed record GeneratedReport(
    int CategoryId, string Title, double Latitude, double Longitude, string Email, ReportStatus Status, int OperatorId, int RuleId,
    string Explanation, int AreaId, string ReplyKey, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, DateTimeOffset? ConfirmedAt,
    DateTimeOffset? SentAt, DateTimeOffset? AcknowledgedAt, DateTimeOffset? FixedAt, DateTimeOffset? ClosedAt,
    long? SecondsToAcknowledge, long? SecondsToFix);

/// <summary>Where the generated reports go: the areas, operators and rules made by <see cref="ReferenceData"/>.</summary>
internal sealed record Place(City City, int AreaId, int CouncilId, int CouncilRuleId, int BusRuleId, double Speed);

/// <summary>
/// Reports spread over three years: clustered around city centres, most answered (faster or slower per
/// operator), most old ones fixed or closed, a few unconfirmed or hidden. Seeded, so every run is the same.
/// </summary>
internal sealed class ReportGenerator(IReadOnlyList<Place> places, IReadOnlyDictionary<string, int> categories, int busOperatorId, DateTimeOffset now)
{
    private static readonly (string Code, string Name, int Weight)[] Kinds =
        [("street-lighting", "Street light", 25), ("pothole", "Pothole", 35), ("bus-shelter", "Bus shelter", 15), ("graffiti", "Graffiti", 15), ("fly-tipping", "Fly-tipping", 10)];

    private static readonly string[] Streets = ["High Street", "Station Road", "Church Lane", "Park Avenue", "Mill Road", "Victoria Street", "King's Road", "Queen Street"];

    private static readonly ReportStatus[] Endings = [ReportStatus.NotResponsible, ReportStatus.Duplicate, ReportStatus.UnableToFix, ReportStatus.Closed];

    private static readonly ReportStatus[] Working = [ReportStatus.Acknowledged, ReportStatus.InProgress, ReportStatus.ActionScheduled];

    private readonly Random _random = new(42);
    private readonly int _totalWeight = places.Sum(p => p.City.Weight);

    public IEnumerable<GeneratedReport> Generate(int count)
    {
        for (var i = 0; i < count; i++)
        {
            yield return Next(i);
        }
    }

    private GeneratedReport Next(int i)
    {
        var place = Pick(places, p => p.City.Weight, _totalWeight);
        var city = place.City;
        var lon = Math.Clamp(city.CentreLon + (Gaussian() * (city.MaxLon - city.MinLon) / 6), city.MinLon, city.MaxLon);
        var lat = Math.Clamp(city.CentreLat + (Gaussian() * (city.MaxLat - city.MinLat) / 6), city.MinLat, city.MaxLat);
        var kind = Pick(Kinds, k => k.Weight, 100);
        var bus = kind.Code == "bus-shelter";
        var created = now.AddSeconds(-_random.NextDouble() * 3 * 365 * 86400);
        var title = $"{kind.Name} problem on {Streets[_random.Next(Streets.Length)]}";
        var explanation = bus ? $"rule {place.BusRuleId}: {city.Name} × Bus shelters → Shelters UK" : $"rule {place.CouncilRuleId}: {city.Name} × any category → {city.Name} City Council";
        var row = new GeneratedReport(categories[kind.Code], title, Math.Round(lat, 6), Math.Round(lon, 6), $"r{i}@example.net",
            ReportStatus.Unconfirmed, bus ? busOperatorId : place.CouncilId, bus ? place.BusRuleId : place.CouncilRuleId, explanation, place.AreaId,
            $"bench{i:x8}", created, created, null, null, null, null, null, null, null);

        var roll = _random.NextDouble();
        if (roll < 0.02)
        {
            return row;
        }

        var confirmed = created.AddMinutes(1 + (_random.NextDouble() * 120));
        row = row with { ConfirmedAt = confirmed, SentAt = confirmed.AddMinutes(2), UpdatedAt = confirmed, Status = roll < 0.03 ? ReportStatus.Hidden : ReportStatus.Open };
        if (row.Status == ReportStatus.Hidden || _random.NextDouble() > 0.88)
        {
            return row;
        }

        var speed = bus ? 1.5 : place.Speed;
        var answered = confirmed.AddSeconds(Exponential(3 * 86400 * speed));
        if (answered > now)
        {
            return row;
        }

        var toAnswer = (long)(answered - confirmed).TotalSeconds;
        var outcome = _random.NextDouble();
        if (outcome < 0.15)
        {
            return row with { Status = Endings[_random.Next(Endings.Length)], ClosedAt = answered, UpdatedAt = answered, SecondsToAcknowledge = toAnswer };
        }

        row = row with { Status = Working[_random.Next(Working.Length)], AcknowledgedAt = answered, UpdatedAt = answered, SecondsToAcknowledge = toAnswer };
        var fixedAt = answered.AddSeconds(Exponential(12 * 86400 * speed));
        return outcome < 0.85 && fixedAt <= now
            ? row with { Status = ReportStatus.Fixed, FixedAt = fixedAt, UpdatedAt = fixedAt, SecondsToFix = (long)(fixedAt - confirmed).TotalSeconds }
            : row;
    }

    private T Pick<T>(IReadOnlyList<T> items, Func<T, int> weight, int total)
    {
        var r = _random.Next(total);
        foreach (var item in items)
        {
            r -= weight(item);
            if (r < 0)
            {
                return item;
            }
        }

        return items[^1];
    }

    private double Gaussian() => Math.Sqrt(-2 * Math.Log(1 - _random.NextDouble())) * Math.Cos(2 * Math.PI * _random.NextDouble());

    private double Exponential(double mean) => -mean * Math.Log(1 - _random.NextDouble());
}
