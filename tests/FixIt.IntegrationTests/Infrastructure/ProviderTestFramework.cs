using FixIt.Infrastructure.Persistence;
using Xunit.Abstractions;
using Xunit.Sdk;

[assembly: TestFramework("FixIt.IntegrationTests.Infrastructure.ProviderTestFramework", "FixIt.IntegrationTests")]

namespace FixIt.IntegrationTests.Infrastructure;

/// <summary>
/// xunit as usual, except that every theory run per database provider (its first parameter a
/// <see cref="DatabaseProvider"/>, with SQLite rows and no SQL Server row) also shows a SQL Server row, skipped with
/// the reason, so the summary says what is not run instead of leaving it out.
/// </summary>
public sealed class ProviderTestFramework(IMessageSink diagnosticMessageSink) : XunitTestFramework(diagnosticMessageSink)
{
    public const string SqlServerSkipReason =
        "SQL Server is supported but no SQL Server runs on the test machines; its migration script and raw T-SQL are parsed with ScriptDom instead (MigrationsTests, OutboxClaimSqlTests)";

    protected override ITestFrameworkDiscoverer CreateDiscoverer(IAssemblyInfo assemblyInfo) =>
        new Discoverer(assemblyInfo, SourceInformationProvider, DiagnosticMessageSink);

    private sealed class Discoverer(IAssemblyInfo assemblyInfo, ISourceInformationProvider sourceProvider, IMessageSink diagnosticMessageSink)
        : XunitTestFrameworkDiscoverer(assemblyInfo, sourceProvider, diagnosticMessageSink)
    {
        protected override bool FindTestsForMethod(ITestMethod testMethod, bool includeSourceInformation, IMessageBus messageBus,
            ITestFrameworkDiscoveryOptions discoveryOptions)
        {
            var seen = new Recorder(messageBus);
            var keepGoing = base.FindTestsForMethod(testMethod, includeSourceInformation, seen, discoveryOptions);
            var rows = seen.TestCases.Where(c => c.TestMethodArguments is [DatabaseProvider, ..]).ToList();
            var sqlite = rows.FirstOrDefault(c => c.TestMethodArguments[0] is DatabaseProvider.Sqlite);
            if (!keepGoing || sqlite is null || rows.Any(c => c.TestMethodArguments[0] is DatabaseProvider.SqlServer))
            {
                return keepGoing;
            }

            object[] arguments = [DatabaseProvider.SqlServer, .. sqlite.TestMethodArguments.Skip(1)];
            var skipped = new XunitSkippedDataRowTestCase(DiagnosticMessageSink, discoveryOptions.MethodDisplayOrDefault(),
                discoveryOptions.MethodDisplayOptionsOrDefault(), testMethod, SqlServerSkipReason, arguments);
            return ReportDiscoveredTestCase(skipped, includeSourceInformation, messageBus);
        }
    }

    /// <summary>Passes discovery messages on, keeping the test cases found.</summary>
    private sealed class Recorder(IMessageBus inner) : IMessageBus
    {
        public List<ITestCase> TestCases { get; } = [];

        public bool QueueMessage(IMessageSinkMessage message)
        {
            if (message is ITestCaseDiscoveryMessage discovered)
            {
                TestCases.Add(discovered.TestCase);
            }

            return inner.QueueMessage(message);
        }

        public void Dispose()
        {
            // The inner bus belongs to the caller.
        }
    }
}

/// <summary>The framework's own check, on two theories of this assembly.</summary>
public sealed class ProviderTestFrameworkTests
{
    [Fact]
    public void A_theory_per_provider_gets_one_skipped_SQL_Server_row_and_one_with_SQL_Server_rows_none()
    {
        var cases = Discover(typeof(Unconfirmed.UnconfirmedReportTests), typeof(Persistence.MigrationsTests));

        var perProvider = cases.Where(c => c.TestMethod.Method.Name == nameof(Unconfirmed.UnconfirmedReportTests.Secret_link_still_shows_a_report_whose_confirm_link_expired_but_not_a_hidden_one)).ToList();
        Assert.Equal([DatabaseProvider.Sqlite, DatabaseProvider.PostgreSql, DatabaseProvider.SqlServer], perProvider.Select(c => (DatabaseProvider)c.TestMethodArguments[0]));
        Assert.Equal([null, null, ProviderTestFramework.SqlServerSkipReason], perProvider.Select(c => c.SkipReason));

        var allProviders = cases.Where(c => c.TestMethod.Method.Name == nameof(Persistence.MigrationsTests.Migrations_do_not_lag_the_model)).ToList();
        Assert.Equal(3, allProviders.Count);
        Assert.All(allProviders, c => Assert.Null(c.SkipReason));
    }

    private static List<ITestCase> Discover(params Type[] classes)
    {
        using var sink = new Collector();
        using var framework = new ProviderTestFramework(sink);
        using var discoverer = framework.GetDiscoverer(Reflector.Wrap(typeof(ProviderTestFrameworkTests).Assembly));
        var found = new List<ITestCase>();
        foreach (var type in classes)
        {
            sink.Reset();
            discoverer.Find(type.FullName!, false, sink, new DiscoveryOptions());
            Assert.True(sink.Finished.WaitOne(TimeSpan.FromSeconds(30)), $"Discovery of {type.Name} did not finish.");
            found.AddRange(sink.TestCases);
        }

        return found;
    }

    private sealed class DiscoveryOptions : ITestFrameworkDiscoveryOptions
    {
        private readonly Dictionary<string, object?> _values = [];

        public TValue GetValue<TValue>(string name) => _values.TryGetValue(name, out var value) ? (TValue)value! : default!;

        public void SetValue<TValue>(string name, TValue value) => _values[name] = value;
    }

    private sealed class Collector : LongLivedMarshalByRefObject, IMessageSink, IDisposable
    {
        public List<ITestCase> TestCases { get; } = [];

        public ManualResetEvent Finished { get; } = new(false);

        public void Reset()
        {
            TestCases.Clear();
            Finished.Reset();
        }

        public bool OnMessage(IMessageSinkMessage message)
        {
            if (message is ITestCaseDiscoveryMessage discovered)
            {
                TestCases.Add(discovered.TestCase);
            }

            if (message is IDiscoveryCompleteMessage)
            {
                Finished.Set();
            }

            return true;
        }

        public void Dispose() => Finished.Dispose();
    }
}
