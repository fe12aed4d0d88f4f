using FixIt.Application.Abstractions;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace FixIt.Infrastructure.Persistence;

public static class DatabaseRegistration
{
    public const string SqliteMigrationsAssembly = "FixIt.Migrations.Sqlite";
    public const string PostgreSqlMigrationsAssembly = "FixIt.Migrations.PostgreSql";
    public const string SqlServerMigrationsAssembly = "FixIt.Migrations.SqlServer";

    public static IServiceCollection AddFixItDatabase(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddOptions<DatabaseOptions>().Bind(configuration.GetSection(DatabaseOptions.SectionName))
            .ValidateDataAnnotations()
            .Validate(o => o.Provider == DatabaseProvider.Sqlite || !string.IsNullOrWhiteSpace(o.ConnectionString),
                "Database:ConnectionString is required when Database:Provider is PostgreSql or SqlServer.")
            .ValidateOnStart();
        services.AddOptions<StorageOptions>().Bind(configuration.GetSection(StorageOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<DataFolder>(sp => new DataFolder(sp.GetRequiredService<IOptions<StorageOptions>>().Value, environment.ContentRootPath));

        services.AddSingleton<SqliteFileGuard>();
        services.AddSingleton<SqliteFileGuardInterceptor>();
        services.AddSingleton<SqliteWriteGate>();
        services.AddSingleton(sp => ContextSettings.Resolve(sp.GetRequiredService<IOptions<DatabaseOptions>>().Value,
            sp.GetRequiredService<DataFolder>(), sp.GetRequiredService<SqliteFileGuard>(), sp.GetRequiredService<SqliteFileGuardInterceptor>()));
        // Pooled: a request leases a context that was built once and reset when the last request returned it, instead
        // of building a context and its options per request (ADR 0083). The options are built once, from the root provider.
        services.AddDbContextPool<FixItDbContext>((sp, builder) =>
        {
            var settings = sp.GetRequiredService<ContextSettings>();
            var options = settings.Options;
            // Faults must answer in seconds: a short wait for SQLite's lock, few and short retries elsewhere.
            Configure(builder, options.Provider, settings.ConnectionString,
                options.Provider == DatabaseProvider.Sqlite ? options.SqliteBusyTimeoutSeconds : options.CommandTimeoutSeconds,
                options.MaxRetryCount, options.MaxRetryDelaySeconds);
            if (settings.Interceptors.Count > 0)
            {
                builder.AddInterceptors(settings.Interceptors);
            }
        });
        services.AddScoped<IFixItDb>(sp => sp.GetRequiredService<FixItDbContext>());
        services.AddScoped<IUnitOfWork, EfUnitOfWork>();
        // One writer of new reports per process (group commit, ADR 0218); it only writes while the host runs it.
        services.AddSingleton<SubmissionWriter>();
        services.AddSingleton<ISubmissionWriter>(sp => sp.GetRequiredService<SubmissionWriter>());
        services.AddHostedService(sp => sp.GetRequiredService<SubmissionWriter>());
        services.AddHealthChecks().AddCheck<DatabaseReadyCheck>("database", tags: ["ready"], timeout: TimeSpan.FromSeconds(30));
        return services;
    }

    /// <summary>Provider set-up shared by the app and the design-time factories of the migrations projects.</summary>
    public static DbContextOptionsBuilder Configure(DbContextOptionsBuilder builder, DatabaseProvider provider, string connectionString,
        int commandTimeoutSeconds = 30, int maxRetryCount = 6, int maxRetryDelaySeconds = 30) =>
        provider switch
        {
            DatabaseProvider.Sqlite => builder.UseSqlite(connectionString, o => o.MigrationsAssembly(SqliteMigrationsAssembly).CommandTimeout(commandTimeoutSeconds)),
            DatabaseProvider.PostgreSql => builder.UseNpgsql(connectionString, o => o.MigrationsAssembly(PostgreSqlMigrationsAssembly)
                .CommandTimeout(commandTimeoutSeconds).EnableRetryOnFailure(maxRetryCount, TimeSpan.FromSeconds(maxRetryDelaySeconds), null)),
            DatabaseProvider.SqlServer => builder.UseSqlServer(connectionString, o => o.MigrationsAssembly(SqlServerMigrationsAssembly)
                .CommandTimeout(commandTimeoutSeconds).EnableRetryOnFailure(maxRetryCount, TimeSpan.FromSeconds(maxRetryDelaySeconds), null)),
            _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, "Unknown database provider."),
        };

    /// <summary>
    /// Turns on Npgsql's automatic statement preparation unless the connection string says otherwise: the outbox and
    /// the pages run the same few statements all day, and prepared they cost PostgreSQL much less CPU (the mail
    /// benchmark sends a third more per second with it, docs/benchmarks.md). Behind a pooler in transaction mode
    /// that cannot keep prepared statements, set <c>Max Auto Prepare=0</c>.
    /// </summary>
    public static string WithAutoPrepare(string connectionString)
    {
        var given = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString };
        if (given.ContainsKey("Max Auto Prepare") || given.ContainsKey("MaxAutoPrepare"))
        {
            return connectionString;
        }

        return new Npgsql.NpgsqlConnectionStringBuilder(connectionString) { MaxAutoPrepare = 50 }.ConnectionString;
    }

    internal static string ConnectionStringFor(DatabaseOptions options, DataFolder folder) => options.Provider switch
    {
        DatabaseProvider.PostgreSql => WithDefault(WithAutoPrepare(options.ConnectionString!), options.ConnectTimeoutSeconds, "Timeout"),
        DatabaseProvider.SqlServer => WithDefault(options.ConnectionString!, options.ConnectTimeoutSeconds,
            "Connect Timeout", "Connection Timeout", "Timeout"),
        // Microsoft.Data.Sqlite waits out a busy database for the command's timeout; BEGIN uses this default one.
        _ when !string.IsNullOrWhiteSpace(options.ConnectionString) => WithDefault(options.ConnectionString, options.SqliteBusyTimeoutSeconds,
            "Default Timeout", "DefaultTimeout", "Command Timeout"),
        _ => new SqliteConnectionStringBuilder
        {
            DataSource = folder.PathOf("fixit.db"),
            Cache = SqliteCacheMode.Shared,
            Pooling = true,
            DefaultTimeout = options.SqliteBusyTimeoutSeconds,
        }.ToString(),
    };

    /// <summary>Sets a timeout unless the connection string already names one (under any of its spellings).</summary>
    private static string WithDefault(string connectionString, int seconds, params string[] keys)
    {
        var builder = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString };
        if (keys.Any(builder.ContainsKey))
        {
            return connectionString;
        }

        builder[keys[0]] = seconds;
        return builder.ConnectionString;
    }
}

/// <summary>
/// What every context of the process is built with, worked out once: the connection string with its defaults (parsing
/// and rebuilding it, and creating the data folder, cost a request's context more than the rest of its set-up) and
/// SQLite's interceptors, which hold no per-request state.
/// </summary>
internal sealed record ContextSettings(DatabaseOptions Options, string ConnectionString, IReadOnlyList<IInterceptor> Interceptors)
{
    public static ContextSettings Resolve(DatabaseOptions options, DataFolder folder, SqliteFileGuard guard, SqliteFileGuardInterceptor guardInterceptor)
    {
        var connectionString = DatabaseRegistration.ConnectionStringFor(options, folder);
        if (options.Provider != DatabaseProvider.Sqlite)
        {
            return new ContextSettings(options, connectionString, []);
        }

        guard.Watch(connectionString);
        return new ContextSettings(options, connectionString, [guardInterceptor, new SqliteConnectionSettingsInterceptor(options.SqliteSynchronous)]);
    }
}

/// <summary>The resolved data folder; created on first use.</summary>
public sealed class DataFolder(StorageOptions options, string contentRoot)
{
    public string Root { get; } = Path.GetFullPath(Path.Combine(contentRoot, options.DataFolder));

    public string PathOf(params string[] parts)
    {
        var path = Path.Combine([Root, .. parts]);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        return path;
    }
}
