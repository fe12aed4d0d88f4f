using FixIt.Infrastructure.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Npgsql;
using NpgsqlTypes;

namespace FixIt.Benchmarks.Web;

/// <summary>
/// Writes generated reports straight into the Reports table, and each one's area into ReportAreas: EF change tracking
/// would take an hour for a million rows. Ids are given (after any already there) so the area rows can name them.
/// </summary>
internal static class BulkWriters
{
    private const string Columns = "\"Id\", \"CategoryId\", \"Title\", \"Description\", \"Latitude\", \"Longitude\", \"ReporterName\", \"ReporterEmail\", \"ShowName\", "
        + "\"Source\", \"Status\", \"OperatorId\", \"RoutingRuleId\", \"RoutingExplanation\", "
        + "\"CreatedAt\", \"UpdatedAt\", \"ConfirmedAt\", \"SentAt\", \"AcknowledgedAt\", \"FixedAt\", \"ClosedAt\", \"SecondsToAcknowledge\", \"SecondsToFix\"";

    private const string Description = "Generated for the public-web benchmark.";

    public static async Task WriteSqliteAsync(FixItDbContext db, IEnumerable<GeneratedReport> reports)
    {
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        await connection.OpenAsync();
        await Execute(connection, "PRAGMA journal_mode=WAL; PRAGMA synchronous=OFF;");
        var toBinary = new DateTimeOffsetToBinaryConverter();
        object Time(DateTimeOffset? t) => t is { } v ? toBinary.ConvertToProvider(v)! : DBNull.Value;

        var names = Enumerable.Range(0, Columns.Split(',').Length).Select(i => $"$p{i}").ToArray();
        var id = await NextIdAsync(connection);
        SqliteTransaction? transaction = null;
        SqliteCommand? command = null;
        var n = 0;
        foreach (var r in reports)
        {
            if (n % 50_000 == 0)
            {
                if (transaction is not null)
                {
                    await transaction.CommitAsync();
                    Console.WriteLine($"  {n:N0} reports");
                }

                transaction = connection.BeginTransaction();
                command = connection.CreateCommand();
                command.Transaction = transaction;
                command.CommandText = $"INSERT INTO \"Reports\" ({Columns}) VALUES ({string.Join(", ", names)}); "
                    + "INSERT INTO \"ReportAreas\" (\"ReportId\", \"AreaId\") VALUES ($p0, $area)";
                command.Parameters.Add(new SqliteParameter { ParameterName = "$area" });
                foreach (var name in names)
                {
                    command.Parameters.Add(new SqliteParameter { ParameterName = name });
                }
            }

            object?[] values =
            [
                id++, r.CategoryId, r.Title, Description, r.Latitude, r.Longitude, "Bench Reporter", r.Email, false, "Web", r.Status.ToString(),
                r.OperatorId, r.RuleId, r.Explanation,
                Time(r.CreatedAt), Time(r.UpdatedAt), Time(r.ConfirmedAt), Time(r.SentAt), Time(r.AcknowledgedAt), Time(r.FixedAt), Time(r.ClosedAt),
                (object?)r.SecondsToAcknowledge ?? DBNull.Value, (object?)r.SecondsToFix ?? DBNull.Value,
            ];
            for (var i = 0; i < values.Length; i++)
            {
                command!.Parameters[i].Value = values[i];
            }

            command!.Parameters["$area"].Value = r.AreaId;

            await command!.ExecuteNonQueryAsync();
            n++;
        }

        await transaction!.CommitAsync();
        await Execute(connection, "ANALYZE;");
    }

    public static async Task WritePostgreSqlAsync(FixItDbContext db, IEnumerable<GeneratedReport> reports)
    {
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await connection.OpenAsync();
        var first = await NextIdAsync(connection);
        var areas = new List<int>();
        await using (var import = await connection.BeginBinaryImportAsync($"COPY \"Reports\" ({Columns}) FROM STDIN (FORMAT BINARY)"))
        {
            var n = 0;
            foreach (var r in reports)
            {
                await import.StartRowAsync();
                await import.WriteAsync(first + n, NpgsqlDbType.Integer);
                await import.WriteAsync(r.CategoryId, NpgsqlDbType.Integer);
                await import.WriteAsync(r.Title, NpgsqlDbType.Varchar);
                await import.WriteAsync(Description, NpgsqlDbType.Varchar);
                await import.WriteAsync(r.Latitude, NpgsqlDbType.Double);
                await import.WriteAsync(r.Longitude, NpgsqlDbType.Double);
                await import.WriteAsync("Bench Reporter", NpgsqlDbType.Varchar);
                await import.WriteAsync(r.Email, NpgsqlDbType.Varchar);
                await import.WriteAsync(false, NpgsqlDbType.Boolean);
                await import.WriteAsync("Web", NpgsqlDbType.Varchar);
                await import.WriteAsync(r.Status.ToString(), NpgsqlDbType.Varchar);
                await import.WriteAsync(r.OperatorId, NpgsqlDbType.Integer);
                await import.WriteAsync(r.RuleId, NpgsqlDbType.Integer);
                await import.WriteAsync(r.Explanation, NpgsqlDbType.Varchar);
                foreach (var t in new[] { r.CreatedAt, r.UpdatedAt, r.ConfirmedAt, r.SentAt, r.AcknowledgedAt, r.FixedAt, r.ClosedAt })
                {
                    await WriteNullable(import, t?.UtcDateTime, NpgsqlDbType.TimestampTz);
                }

                await WriteNullable(import, r.SecondsToAcknowledge, NpgsqlDbType.Bigint);
                await WriteNullable(import, r.SecondsToFix, NpgsqlDbType.Bigint);
                areas.Add(r.AreaId);
                if (++n % 100_000 == 0)
                {
                    Console.WriteLine($"  {n:N0} reports");
                }
            }

            await import.CompleteAsync();
        }

        await using (var import = await connection.BeginBinaryImportAsync("COPY \"ReportAreas\" (\"ReportId\", \"AreaId\") FROM STDIN (FORMAT BINARY)"))
        {
            for (var i = 0; i < areas.Count; i++)
            {
                await import.StartRowAsync();
                await import.WriteAsync(first + i, NpgsqlDbType.Integer);
                await import.WriteAsync(areas[i], NpgsqlDbType.Integer);
            }

            await import.CompleteAsync();
        }

        // The ids were given, so the identity must be moved past them.
        await using (var identity = new NpgsqlCommand(
            "SELECT setval(pg_get_serial_sequence('\"Reports\"', 'Id'), (SELECT MAX(\"Id\") FROM \"Reports\"))", connection))
        {
            await identity.ExecuteNonQueryAsync();
        }

        // As autovacuum would soon: statistics, and the visibility map that index-only scans need.
        await using var analyze = new NpgsqlCommand("VACUUM (ANALYZE) \"Reports\", \"ReportAreas\"", connection);
        await analyze.ExecuteNonQueryAsync();
    }

    private static async Task WriteNullable<T>(NpgsqlBinaryImporter import, T? value, NpgsqlDbType type)
        where T : struct
    {
        if (value is { } v)
        {
            await import.WriteAsync(v, type);
        }
        else
        {
            await import.WriteNullAsync();
        }
    }

    private static async Task<int> NextIdAsync(System.Data.Common.DbConnection connection)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COALESCE(MAX(\"Id\"), 0) + 1 FROM \"Reports\"";
        return Convert.ToInt32(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task Execute(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}
