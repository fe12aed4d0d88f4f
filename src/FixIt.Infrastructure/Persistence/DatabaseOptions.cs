using System.ComponentModel.DataAnnotations;

namespace FixIt.Infrastructure.Persistence;

public enum DatabaseProvider
{
    Sqlite,
    PostgreSql,
    SqlServer,
}

/// <summary>Bound from the "Database" section.</summary>
public sealed class DatabaseOptions
{
    public const string SectionName = "Database";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>Required for PostgreSql and SqlServer; for Sqlite, defaults to fixit.db in the data folder.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>Apply pending migrations at start (the default; turn off where a deploy step migrates).</summary>
    public bool MigrateAtStart { get; set; } = true;

    [Range(1, 600)]
    public int CommandTimeoutSeconds { get; set; } = 30;
}

/// <summary>Where the app keeps its files (SQLite database, development mail, photos).</summary>
public sealed class StorageOptions
{
    public const string SectionName = "Storage";

    /// <summary>Absolute, or relative to the content root. Default App_Data.</summary>
    public string DataFolder { get; set; } = "App_Data";
}
