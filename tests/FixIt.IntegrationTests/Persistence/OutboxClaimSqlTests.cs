using System.Data.Common;
using FixIt.Infrastructure.Mail.Outbox;
using FixIt.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace FixIt.IntegrationTests.Persistence;

/// <summary>
/// The outbox claim's hand-written T-SQL, as EF would send it to SQL Server, parsed with Microsoft's T-SQL parser:
/// no SQL Server runs on the test machines, so this is how a typo in it fails a test (see MigrationsTests).
/// </summary>
public sealed class OutboxClaimSqlTests
{
    [Fact]
    public async Task The_SQL_Server_claim_parses_as_TSql_and_skips_and_holds_the_rows_it_takes()
    {
        var capture = new CaptureFirstCommand();
        var options = new DbContextOptionsBuilder<FixItDbContext>()
            .UseSqlServer("Server=127.0.0.1,1;Database=fixit;User Id=sa;Password=unused;TrustServerCertificate=true")
            .AddInterceptors(capture)
            .Options;
        await using var db = new FixItDbContext(options);

        var now = new DateTimeOffset(2026, 11, 30, 12, 0, 0, TimeSpan.Zero);
        await Assert.ThrowsAsync<CaptureFirstCommand.Captured>(() => OutboxClaimer.ClaimAsync(db, 25, TimeSpan.FromMinutes(5), now, CancellationToken.None));

        var command = Assert.IsType<string>(capture.CommandText);
        var fragment = new TSql160Parser(initialQuotedIdentifiers: true).Parse(new StringReader(command), out var errors);
        Assert.True(errors.Count == 0, string.Join(Environment.NewLine, errors.Select(e => $"line {e.Line}: {e.Message}")) + Environment.NewLine + command);

        var statement = Assert.Single(Assert.Single(((TSqlScript)fragment).Batches).Statements);
        var update = Assert.IsType<UpdateStatement>(statement);
        var due = Assert.Single(update.WithCtesAndXmlNamespaces.CommonTableExpressions);
        var hints = new HintCollector();
        due.Accept(hints);
        Assert.Equal([TableHintKind.UpdLock, TableHintKind.ReadPast, TableHintKind.Rowlock], hints.Kinds);
        Assert.Equal(["ClaimId", "LockedUntil"],
            update.UpdateSpecification.SetClauses.OfType<AssignmentSetClause>().Select(c => c.Column.MultiPartIdentifier.Identifiers[^1].Value));

        // Every value is a parameter (batch size, status, times, claim id), none is spliced into the text.
        Assert.DoesNotContain("Pending", command, StringComparison.Ordinal);
        Assert.DoesNotContain("2026", command, StringComparison.Ordinal);
        Assert.Equal(capture.ParameterNames.Order(StringComparer.Ordinal),
            new ParameterCollector(fragment).Names.Distinct().Order(StringComparer.Ordinal));
    }

    /// <summary>Lets EF believe the connection opened, keeps the first command's text and parameters, and stops there.</summary>
    private sealed class CaptureFirstCommand : DbConnectionInterceptor, IDbCommandInterceptor
    {
        public string? CommandText { get; private set; }

        public List<string> ParameterNames { get; } = [];

        public override ValueTask<InterceptionResult> ConnectionOpeningAsync(DbConnection connection, ConnectionEventData eventData,
            InterceptionResult result, CancellationToken cancellationToken = default) => ValueTask.FromResult(InterceptionResult.Suppress());

        public ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            CommandText = command.CommandText;
            ParameterNames.AddRange(command.Parameters.Cast<DbParameter>().Select(p => p.ParameterName.TrimStart('@')));
            throw new Captured();
        }

        public sealed class Captured : Exception;
    }

    private sealed class HintCollector : TSqlFragmentVisitor
    {
        public List<TableHintKind> Kinds { get; } = [];

        public override void Visit(TableHint node) => Kinds.Add(node.HintKind);
    }

    private sealed class ParameterCollector : TSqlFragmentVisitor
    {
        public ParameterCollector(TSqlFragment fragment) => fragment.Accept(this);

        public List<string> Names { get; } = [];

        public override void Visit(VariableReference node) => Names.Add(node.Name.TrimStart('@'));
    }
}
