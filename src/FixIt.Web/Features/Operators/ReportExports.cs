using System.Globalization;
using System.Text.Json;
using CsvHelper;
using FixIt.Application.Features.Operators.ExportOperatorReports;
using FixIt.Domain.Reports;
using FixIt.Domain.Text;

namespace FixIt.Web.Features.Operators;

/// <summary>
/// CSV and GeoJSON writers for a page of an operator's reports; rows stream from the database to the response. Text is
/// cleaned of control characters and noncharacters (<see cref="TextCharacters"/>), which spreadsheets and JSON readers
/// cannot take.
/// </summary>
internal static class ReportExports
{
    private static readonly string[] Columns =
        ["id", "title", "detail", "category", "created", "confirmed", "acknowledged", "fixed", "closed", "status", "latitude", "longitude", "area", "url"];

    public static async Task WriteCsvAsync(Stream body, IAsyncEnumerable<ExportRow> rows, Func<int, string> url, CancellationToken cancellationToken)
    {
        // Titles and details are residents' text: a leading "=" must not become a spreadsheet formula. The guard applies to
        // text fields only; numbers are written as numbers (invariant culture), so -1.5492 stays -1.5492.
        await using var csv = CsvWriter.Create(body, new CsvWriterOptions { Injection = CsvInjection.Escape }, leaveOpen: true);
        await csv.WriteRecordAsync(Columns, cancellationToken);
        await foreach (var r in rows.WithCancellation(cancellationToken))
        {
            csv.WriteField(r.Id, "D", CultureInfo.InvariantCulture);
            csv.WriteField(C(r.Title));
            csv.WriteField(C(r.Detail));
            csv.WriteField(C(r.Category));
            csv.WriteField(Time(r.Created));
            csv.WriteField(Time(r.Confirmed));
            csv.WriteField(Time(r.Acknowledged));
            csv.WriteField(Time(r.Fixed));
            csv.WriteField(Time(r.Closed));
            csv.WriteField(StatusName(r.Status));
            csv.WriteField(r.Latitude, "0.######", CultureInfo.InvariantCulture);
            csv.WriteField(r.Longitude, "0.######", CultureInfo.InvariantCulture);
            csv.WriteField(C(r.Area));
            csv.WriteField(url(r.Id));
            await csv.EndRecordAsync(cancellationToken);
        }

        await csv.FlushAsync(cancellationToken);
    }

    public static async Task WriteGeoJsonAsync(Stream body, IAsyncEnumerable<ExportRow> rows, Func<int, string> url, string? next,
        CancellationToken cancellationToken)
    {
        await using var json = new Utf8JsonWriter(body);
        json.WriteStartObject();
        json.WriteString("type", "FeatureCollection");
        // The next page, as the Link header says, also in the document (OGC API Features' "links").
        json.WriteStartArray("links");
        if (next is not null)
        {
            json.WriteStartObject();
            json.WriteString("rel", "next");
            json.WriteString("type", "application/geo+json");
            json.WriteString("href", next);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("features");
        var count = 0;
        await foreach (var r in rows.WithCancellation(cancellationToken))
        {
            json.WriteStartObject();
            json.WriteString("type", "Feature");
            json.WriteNumber("id", r.Id);
            json.WriteStartObject("geometry");
            json.WriteString("type", "Point");
            json.WriteStartArray("coordinates");
            json.WriteNumberValue(r.Longitude);
            json.WriteNumberValue(r.Latitude);
            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteStartObject("properties");
            json.WriteNumber("id", r.Id);
            json.WriteString("title", C(r.Title));
            json.WriteString("detail", C(r.Detail));
            json.WriteString("category", C(r.Category));
            WriteTime(json, "created", r.Created);
            WriteTime(json, "confirmed", r.Confirmed);
            WriteTime(json, "acknowledged", r.Acknowledged);
            WriteTime(json, "fixed", r.Fixed);
            WriteTime(json, "closed", r.Closed);
            json.WriteString("status", StatusName(r.Status));
            json.WriteString("area", C(r.Area));
            json.WriteString("url", url(r.Id));
            json.WriteEndObject();
            json.WriteEndObject();
            if (++count % 500 == 0)
            {
                await json.FlushAsync(cancellationToken);
            }
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    /// <summary>A status as the JSON API spells it (camelCase, e.g. "inProgress"), so CSV, GeoJSON and JSON agree.</summary>
    internal static string StatusName(ReportStatus status) => JsonNamingPolicy.CamelCase.ConvertName(status.ToString());

    private static string C(string text) => TextCharacters.Clean(text);

    private static string Time(DateTimeOffset? at) => at?.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture) ?? "";

    private static void WriteTime(Utf8JsonWriter json, string name, DateTimeOffset? at)
    {
        if (at is null)
        {
            json.WriteNull(name);
        }
        else
        {
            json.WriteString(name, Time(at));
        }
    }
}
