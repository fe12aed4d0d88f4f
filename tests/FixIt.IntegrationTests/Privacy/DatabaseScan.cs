using FixIt.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace FixIt.IntegrationTests.Privacy;

/// <summary>
/// Looks for a piece of text in every text column of every table the EF model maps (JSON columns included), and in
/// the raw bytes of inbound mail, so a new table or column cannot escape an erasure unseen.
/// </summary>
internal static class DatabaseScan
{
    /// <summary>"Table.Column" for every column holding <paramref name="text"/> (case-insensitive) in some row.</summary>
    public static async Task<IReadOnlyList<string>> ColumnsContainingAsync(FixItDbContext db, string text)
    {
        var hits = new List<string>();
        var pattern = $"%{text.ToLowerInvariant()}%";
        foreach (var (table, column) in TextColumns(db.Model))
        {
            // Table and column names come from the model, never from input; the text is a parameter.
            var sql = "SELECT COUNT(*) AS \"Value\" FROM \"" + table + "\" WHERE LOWER(CAST(\"" + column + "\" AS TEXT)) LIKE {0}";
            var count = await db.Database.SqlQueryRaw<int>(sql, pattern).SingleAsync();
            if (count > 0)
            {
                hits.Add($"{table}.{column}");
            }
        }

        var raws = await db.InboundMessages.AsNoTracking().Select(m => m.Raw).ToListAsync();
        if (raws.Any(r => System.Text.Encoding.UTF8.GetString(r).Contains(text, StringComparison.OrdinalIgnoreCase)))
        {
            hits.Add("InboundMessages.Raw");
        }

        return hits;
    }

    /// <summary>How many text columns the scan reads (a guard that it reads anything at all).</summary>
    public static int ColumnCount(FixItDbContext db) => TextColumns(db.Model).Count;

    private static List<(string Table, string Column)> TextColumns(IModel model)
    {
        var columns = new HashSet<(string, string)>();
        foreach (var entity in model.GetEntityTypes())
        {
            if (entity.IsMappedToJson())
            {
                if (entity.GetTableName() is { } owner && entity.GetContainerColumnName() is { } container)
                {
                    columns.Add((owner, container));
                }

                continue;
            }

            if (entity.GetTableName() is not { } table)
            {
                continue;
            }

            var store = StoreObjectIdentifier.Table(table, entity.GetSchema());
            foreach (var property in entity.GetProperties().Where(p => p.ClrType == typeof(string)))
            {
                if (property.GetColumnName(store) is { } column)
                {
                    columns.Add((table, column));
                }
            }
        }

        return [.. columns];
    }
}
