using FixIt.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace FixIt.IntegrationTests.Persistence;

/// <summary>Every provider's migrations are generated from the current model; SQL Server's script is valid T-SQL.</summary>
public sealed class MigrationsTests
{
    public static TheoryData<DatabaseProvider> AllProviders => [DatabaseProvider.Sqlite, DatabaseProvider.PostgreSql, DatabaseProvider.SqlServer];

    [Theory]
    [MemberData(nameof(AllProviders))]
    public void Migrations_do_not_lag_the_model(DatabaseProvider provider)
    {
        using var db = Create(provider);

        Assert.NotEmpty(db.Database.GetMigrations());
        Assert.False(db.Database.HasPendingModelChanges(),
            $"The {provider} migrations lag the model: run dotnet ef migrations add <Name> --project src/FixIt.Migrations.{provider} --startup-project src/FixIt.Migrations.{provider} --output-dir Migrations");
    }

    [Fact]
    public void SqlServer_idempotent_migration_script_parses_as_TSql_without_errors()
    {
        using var db = Create(DatabaseProvider.SqlServer);
        var script = db.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);

        var parser = new TSql160Parser(initialQuotedIdentifiers: true);
        using var reader = new StringReader(script);
        var fragment = parser.Parse(reader, out var errors);

        Assert.True(errors.Count == 0, string.Join(Environment.NewLine, errors.Select(e => $"line {e.Line}: {e.Message}")));
        var counter = new StatementCounter();
        fragment.Accept(counter);
        Assert.True(counter.CreateTables >= 7, $"Expected the model's tables in the script, found {counter.CreateTables}.");
        Assert.True(counter.Ifs >= counter.CreateTables, "An idempotent script guards every step.");
    }

    private static FixItDbContext Create(DatabaseProvider provider)
    {
        var connection = provider switch
        {
            DatabaseProvider.Sqlite => "Data Source=:memory:",
            DatabaseProvider.PostgreSql => "Host=127.0.0.1;Database=unused",
            _ => "Server=127.0.0.1;Database=unused;TrustServerCertificate=True",
        };
        var builder = new DbContextOptionsBuilder<FixItDbContext>();
        DatabaseRegistration.Configure(builder, provider, connection);
        return new FixItDbContext(builder.Options);
    }

    private sealed class StatementCounter : TSqlFragmentVisitor
    {
        public int CreateTables { get; private set; }

        public int Ifs { get; private set; }

        public override void Visit(CreateTableStatement node) => CreateTables++;

        public override void Visit(IfStatement node) => Ifs++;
    }
}
