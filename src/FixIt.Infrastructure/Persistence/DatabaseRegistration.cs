using FixIt.Application.Abstractions;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
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

        services.AddDbContext<FixItDbContext>((sp, builder) =>
        {
            var options = sp.GetRequiredService<IOptions<DatabaseOptions>>().Value;
            Configure(builder, options.Provider, ConnectionStringFor(options, sp.GetRequiredService<DataFolder>()), options.CommandTimeoutSeconds);
        });
        services.AddScoped<IFixItDb>(sp => sp.GetRequiredService<FixItDbContext>());
        services.AddHealthChecks().AddDbContextCheck<FixItDbContext>("database", tags: ["ready"]);
        return services;
    }

    /// <summary>Provider set-up shared by the app and the design-time factories of the migrations projects.</summary>
    public static DbContextOptionsBuilder Configure(DbContextOptionsBuilder builder, DatabaseProvider provider, string connectionString, int commandTimeoutSeconds = 30) =>
        provider switch
        {
            DatabaseProvider.Sqlite => builder.UseSqlite(connectionString, o => o.MigrationsAssembly(SqliteMigrationsAssembly).CommandTimeout(commandTimeoutSeconds)),
            DatabaseProvider.PostgreSql => builder.UseNpgsql(connectionString, o => o.MigrationsAssembly(PostgreSqlMigrationsAssembly)
                .CommandTimeout(commandTimeoutSeconds).EnableRetryOnFailure()),
            DatabaseProvider.SqlServer => builder.UseSqlServer(connectionString, o => o.MigrationsAssembly(SqlServerMigrationsAssembly)
                .CommandTimeout(commandTimeoutSeconds).EnableRetryOnFailure()),
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

    private static string ConnectionStringFor(DatabaseOptions options, DataFolder folder)
    {
        if (options.Provider == DatabaseProvider.PostgreSql)
        {
            return WithAutoPrepare(options.ConnectionString!);
        }

        if (!string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            return options.ConnectionString;
        }

        return new SqliteConnectionStringBuilder
        {
            DataSource = folder.PathOf("fixit.db"),
            Cache = SqliteCacheMode.Shared,
            Pooling = true,
        }.ToString();
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
