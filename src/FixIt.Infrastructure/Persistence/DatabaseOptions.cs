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

    /// <summary>PostgreSql / SqlServer: how long opening a connection may take before the request fails.</summary>
    [Range(1, 120)]
    public int ConnectTimeoutSeconds { get; set; } = 3;

    /// <summary>Sqlite: how long a write waits for another writer's lock before the request fails.</summary>
    [Range(1, 120)]
    public int SqliteBusyTimeoutSeconds { get; set; } = 5;

    /// <summary>
    /// Sqlite: when a commit waits for the disk. <c>Normal</c> (the default; SQLite's advice for WAL mode): a commit is
    /// safe from the app crashing or being killed, and the file is never corrupted, but the last commits before a
    /// power cut or a crash of the operating system may be lost; the disk is synced at checkpoints. <c>Full</c>: every
    /// commit waits for the disk (about 2.5× slower submissions under load, docs/benchmarks.md).
    /// </summary>
    public SqliteSynchronous SqliteSynchronous { get; set; } = SqliteSynchronous.Normal;

    /// <summary>PostgreSql / SqlServer: retries of a transient failure (0 = none), so an outage fails in seconds.</summary>
    [Range(0, 10)]
    public int MaxRetryCount { get; set; } = 2;

    /// <summary>The longest pause between two of those retries.</summary>
    [Range(0, 60)]
    public int MaxRetryDelaySeconds { get; set; } = 1;

    /// <summary>The Retry-After a client is given when the database cannot be reached (503).</summary>
    [Range(1, 3600)]
    public int RetryAfterSeconds { get; set; } = 5;
}

/// <summary>SQLite's <c>PRAGMA synchronous</c> levels that are safe from corruption in WAL mode.</summary>
public enum SqliteSynchronous
{
    Normal,
    Full,
}

/// <summary>Where the app keeps its files (SQLite database, development mail, photos).</summary>
public sealed class StorageOptions
{
    public const string SectionName = "Storage";

    /// <summary>Absolute, or relative to the content root. Default App_Data.</summary>
    public string DataFolder { get; set; } = "App_Data";
}
