using System.Globalization;
using System.Text.Json;
using CsvHelper;
using FixIt.Application.Features.OperatorConsole.ExportOperatorUpdates;
using FixIt.Domain.Text;
using FixIt.Web.Features.Operators;

namespace FixIt.Web.Features.OperatorConsole;

/// <summary>
/// The console's CSV of an operator's public updates: one row per timeline entry, streamed. Text fields are guarded against
/// spreadsheet formulas (a leading =, +, -, @ is escaped) and cleaned of characters spreadsheets cannot take, as the
/// public export is (<see cref="ReportExports"/>).
/// </summary>
internal static class UpdateExports
{
    private static readonly string[] Columns = ["report_id", "update_id", "time", "kind", "actor", "source", "from_status", "to_status", "text", "report_url"];

    public static async Task WriteCsvAsync(Stream body, IAsyncEnumerable<UpdateRow> rows, Func<int, string> url, CancellationToken cancellationToken)
    {
        await using var csv = CsvWriter.Create(body, new CsvWriterOptions { Injection = CsvInjection.Escape }, leaveOpen: true);
        await csv.WriteRecordAsync(Columns, cancellationToken);
        await foreach (var r in rows.WithCancellation(cancellationToken))
        {
            csv.WriteField(r.ReportId, "D", CultureInfo.InvariantCulture);
            csv.WriteField(r.UpdateId, "D", CultureInfo.InvariantCulture);
            csv.WriteField(r.At.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
            csv.WriteField(Name(r.Kind));
            csv.WriteField(TextCharacters.Clean(r.Actor));
            csv.WriteField(Name(r.Source));
            csv.WriteField(r.FromStatus is { } from ? ReportExports.StatusName(from) : "");
            csv.WriteField(r.ToStatus is { } to ? ReportExports.StatusName(to) : "");
            csv.WriteField(TextCharacters.Clean(r.Text ?? ""));
            csv.WriteField(url(r.ReportId));
            await csv.EndRecordAsync(cancellationToken);
        }

        await csv.FlushAsync(cancellationToken);
    }

    private static string Name<T>(T value) where T : struct, Enum => JsonNamingPolicy.CamelCase.ConvertName(value.ToString());
}
