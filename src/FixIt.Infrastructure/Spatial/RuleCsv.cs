using CsvHelper;
using FixIt.Application.Routing;

namespace FixIt.Infrastructure.Spatial;

/// <summary>
/// Reads a rules CSV: a header row with area_kind, area_code, category, operator, priority, active_from, active_to
/// (only operator is required; blank area means anywhere, blank category any category).
/// </summary>
public static class RuleCsv
{
    public const string Header = "area_kind,area_code,category,operator,priority,active_from,active_to";

    public static async Task<IReadOnlyList<RuleRow>> ReadAsync(Stream stream, long maxBytes, CancellationToken cancellationToken)
    {
        var options = new CsvReaderOptions { HasHeader = true, TrimWhitespace = true, SkipEmptyLines = true, TrackLineNumbers = true };
        await using var csv = CsvReader.Create(new LimitedReadStream(stream, maxBytes), options, false);
        try
        {
            await csv.ReadHeaderAsync(cancellationToken);
            var headers = csv.Headers.ToHashSet(StringComparer.Ordinal);
            if (!headers.Contains("operator"))
            {
                throw new ImportFileException($"The CSV file needs a header row with an 'operator' column: {Header}.");
            }

            string? Field(string name) => headers.Contains(name) ? csv.GetStringOrNull(name) : null;
            var rows = new List<RuleRow>();
            while (await csv.ReadAsync(cancellationToken))
            {
                rows.Add(new RuleRow((int)csv.LineNumber, Field("area_kind"), Field("area_code"), Field("category"), Field("operator"),
                    Field("priority"), Field("active_from"), Field("active_to")));
            }

            return rows;
        }
        catch (CsvFormatException ex)
        {
            throw new ImportFileException($"The CSV file is malformed: {ex.Message}", ex);
        }
    }
}

/// <summary>Reads feature files for the use cases (the API and the command line share it).</summary>
public sealed class FeatureFileReader
{
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Performance", "CA1822", Justification = "An instance so endpoints can take it from the container.")]
    public Task<IReadOnlyList<SourceFeature>> ReadAsync(Stream stream, FeatureFileLimits limits, string? topoJsonObject,
        CancellationToken cancellationToken) =>
        FeatureSource.ReadAsync(stream, limits, topoJsonObject, cancellationToken);

    [System.Diagnostics.CodeAnalysis.SuppressMessage("Performance", "CA1822", Justification = "An instance so endpoints can take it from the container.")]
    public Task<IReadOnlyList<string>> TopologyObjectsAsync(Stream stream, long maxBytes, CancellationToken cancellationToken) =>
        FeatureSource.TopologyObjectsAsync(stream, maxBytes, cancellationToken);
}
