using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using FixIt.Application.Features.Admin.Places.ImportPlaces;
using FixIt.Application.Routing;

namespace FixIt.Infrastructure.Places;

/// <summary>
/// Reads a gazetteer file line by line, whatever its size, recognising the format from its first line: GeoNames'
/// tab-separated dump (19 columns) or postal-code file (12 columns), GTFS stops.txt (a CSV header with stop_name,
/// stop_lat and stop_lon), or a CSV with the header <see cref="CsvHeader"/> and optional code and population columns.
/// </summary>
public static class PlaceFile
{
    public const string CsvHeader = "name,latitude,longitude,kind";

    public static async IAsyncEnumerable<PlaceRow> ReadAsync(Func<Stream> open, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var stream = open();
        using var reader = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        var first = await reader.ReadLineAsync(cancellationToken)
            ?? throw new ImportFileException("The file is empty.");
        var rows = first.Contains('\t', StringComparison.Ordinal)
            ? GeoNamesRows(first, reader, cancellationToken)
            : CsvRows(first, reader, cancellationToken);
        await foreach (var row in rows)
        {
            yield return row;
        }
    }

    private static async IAsyncEnumerable<PlaceRow> GeoNamesRows(string first, StreamReader reader, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var line = first;
        long number = 1;
        var columns = first.Split('\t').Length;
        if (columns is not (19 or 12))
        {
            throw new ImportFileException(
                $"Line 1 has {columns} tab-separated columns: a GeoNames file has 19 (the gazetteer dump) or 12 (postal codes).");
        }

        while (line is not null)
        {
            if (line.Length > 0)
            {
                var f = line.Split('\t');
                yield return f.Length != columns
                    ? new PlaceRow(number, null, null, null, null, null, null) { Problem = $"{f.Length} columns where the first line has {columns}." }
                    : columns == 19
                        ? new PlaceRow(number, f[1], GeoNamesKind(f[6], f[7], f[14]), null, f[4], f[5], f[14])
                        : new PlaceRow(number, f[2], "postcode", f[1], f[9], f[10], null);
            }

            line = await reader.ReadLineAsync(cancellationToken);
            number++;
        }
    }

    private static async IAsyncEnumerable<PlaceRow> CsvRows(string first, StreamReader reader, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var lines = new CsvLines(first, reader);
        var header = (await lines.NextAsync(cancellationToken))!.Value.Fields.Select(h => h.Trim().ToLowerInvariant()).ToList();
        int Column(string name) => header.IndexOf(name);
        var gtfs = Column("stop_name") >= 0 && Column("stop_lat") >= 0 && Column("stop_lon") >= 0;
        if (!gtfs && (Column("name") < 0 || Column("latitude") < 0 || Column("longitude") < 0 || Column("kind") < 0))
        {
            throw new ImportFileException(
                $"The file is not a gazetteer FixIt reads: give GeoNames' tab-separated file, GTFS stops.txt, or a CSV with the header {CsvHeader} (and optionally code and population).");
        }

        var (name, latitude, longitude) = gtfs
            ? (Column("stop_name"), Column("stop_lat"), Column("stop_lon"))
            : (Column("name"), Column("latitude"), Column("longitude"));
        var (kind, code, population, locationType) = gtfs
            ? (-1, Column("stop_code") >= 0 ? Column("stop_code") : Column("stop_id"), -1, Column("location_type"))
            : (Column("kind"), Column("code"), Column("population"), -1);
        while (await lines.NextAsync(cancellationToken) is { } csvRecord)
        {
            var f = csvRecord.Fields;
            string? At(int i) => i >= 0 && i < f.Count ? f[i] : null;
            if (f.Count == 1 && string.IsNullOrWhiteSpace(f[0]))
            {
                continue;
            }

            if (csvRecord.Problem is { } problem)
            {
                yield return new PlaceRow(csvRecord.Line, null, null, null, null, null, null) { Problem = problem };
                continue;
            }

            var stopKind = At(locationType)?.Trim() switch
            {
                null or "" or "0" => "stop",
                "1" => "station",
                "2" => "entrance",
                _ => null, // generic nodes and boarding areas: no name a resident would search for
            };
            if (gtfs && stopKind is null)
            {
                continue;
            }

            yield return new PlaceRow(csvRecord.Line, At(name), gtfs ? stopKind : At(kind), At(code), At(latitude), At(longitude), At(population));
        }
    }

    // GeoNames feature classes and codes (https://www.geonames.org/export/codes.html) in words residents use.
    private static string GeoNamesKind(string featureClass, string featureCode, string population) => (featureClass, featureCode) switch
    {
        ("P", "PPLC" or "PPLA") => "city",
        ("P", _) when long.TryParse(population, NumberStyles.Integer, CultureInfo.InvariantCulture, out var people) && people >= 100_000 => "city",
        ("P", _) when long.TryParse(population, NumberStyles.Integer, CultureInfo.InvariantCulture, out var people) && people >= 1_000 => "town",
        ("P", _) => "village",
        ("S", "BUSTP" or "BUSTN" or "TRAM") => "stop",
        ("S", "RSTN" or "RSTP" or "MTRO") => "station",
        ("R", "RD" or "ST") => "street",
        ("L", "PRK") => "park",
        _ => featureCode.ToLowerInvariant(),
    };

    /// <summary>RFC 4180 records: quoted fields may hold commas, doubled quotes and line breaks.</summary>
    private sealed class CsvLines(string first, StreamReader reader)
    {
        private string? _pending = first;
        private long _line;

        public async Task<(long Line, List<string> Fields, string? Problem)?> NextAsync(CancellationToken cancellationToken)
        {
            var text = _pending ?? await reader.ReadLineAsync(cancellationToken);
            _pending = null;
            if (text is null)
            {
                return null;
            }

            var start = ++_line;
            var fields = new List<string>();
            var field = new StringBuilder();
            var quoted = false;
            var i = 0;
            while (true)
            {
                if (i == text.Length)
                {
                    if (!quoted)
                    {
                        fields.Add(field.ToString());
                        return (start, fields, null);
                    }

                    var more = await reader.ReadLineAsync(cancellationToken);
                    if (more is null)
                    {
                        fields.Add(field.ToString());
                        return (start, fields, "a quoted field is not closed before the end of the file.");
                    }

                    _line++;
                    field.Append('\n');
                    (text, i) = (more, 0);
                    continue;
                }

                var c = text[i++];
                if (quoted)
                {
                    if (c != '"')
                    {
                        field.Append(c);
                    }
                    else if (i < text.Length && text[i] == '"')
                    {
                        field.Append('"');
                        i++;
                    }
                    else
                    {
                        quoted = false;
                    }
                }
                else if (c == '"' && field.Length == 0)
                {
                    quoted = true;
                }
                else if (c == ',')
                {
                    fields.Add(field.ToString());
                    field.Clear();
                }
                else
                {
                    field.Append(c);
                }
            }
        }
    }
}
