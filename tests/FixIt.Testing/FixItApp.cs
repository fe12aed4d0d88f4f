using FixIt.Infrastructure.Persistence;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Npgsql;

namespace FixIt.IntegrationTests.Infrastructure;

/// <summary>
/// The real app on a real Kestrel port, on its own SQLite file or its own PostgreSQL database,
/// migrated and seeded with the demo data exactly as a newcomer's first run is.
/// </summary>
public sealed class FixItApp : IAsyncDisposable
{
    private readonly Factory _factory;
    private readonly string _dataFolder;
    private readonly string? _postgresDatabase;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _clockFollower = Task.CompletedTask;

    private FixItApp(Factory factory, string dataFolder, string? postgresDatabase, FakeTimeProvider? clock)
    {
        _factory = factory;
        _dataFolder = dataFolder;
        _postgresDatabase = postgresDatabase;
        Clock = clock;
        if (clock is not null)
        {
            _clockFollower = FollowRealTimeAsync(clock, _stop.Token);
        }

        var server = factory.Services.GetRequiredService<IServer>();
        var address = server.Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseAddress = new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal).TrimEnd('/') + "/");
        Client = new HttpClient(new BrowserCookies()) { BaseAddress = BaseAddress };
    }

    public DatabaseProvider Provider { get; private init; }

    public Uri BaseAddress { get; }

    public HttpClient Client { get; }

    public IServiceProvider Services => _factory.Services;

    /// <summary>
    /// The app's <see cref="TimeProvider"/> when started with <c>fakeClock: true</c>: it follows real time in small steps
    /// (so the outbox dispatcher and the other loops run as usual), and a test moves it ahead with
    /// <see cref="FakeTimeProvider.Advance"/> to expire links, leases and back-offs instead of editing rows or sleeping.
    /// </summary>
    public FakeTimeProvider? Clock { get; }

    /// <summary>The folder the app keeps its files in (SQLite file, development mail, photos).</summary>
    public string DataFolder => _dataFolder;

    public static async Task<FixItApp> StartAsync(DatabaseProvider provider, IDictionary<string, string?>? settings = null,
        Action<IServiceCollection>? configureServices = null, bool fakeClock = false)
    {
        var clock = fakeClock ? new FakeTimeProvider(DateTimeOffset.UtcNow) : null;
        if (clock is not null)
        {
            configureServices += services => services.AddSingleton<TimeProvider>(clock);
        }

        var dataFolder = Path.Combine(Path.GetTempPath(), "fixit-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dataFolder);
        var all = new Dictionary<string, string?>
        {
            ["Database:Provider"] = provider.ToString(),
            ["Storage:DataFolder"] = dataFolder,
            ["Seed:Demo"] = "true",
            // The suite submits many reports from one address to one mailbox; the abuse-limit tests set real limits.
            ["RateLimits:Submit:PermitLimit"] = "100000",
            ["RateLimits:Subscribe:PermitLimit"] = "100000",
            ["RateLimits:SignIn:PermitLimit"] = "100000",
            ["RateLimits:ConfirmationResend:PermitLimit"] = "100000",
            ["RateLimits:Flag:PermitLimit"] = "100000",
            ["RateLimits:FlagOverall:PermitLimit"] = "100000",
            ["RateLimits:PhotoLocation:PermitLimit"] = "100000",
            ["MailboxCaps:ReportConfirmationsPerDay"] = "100000",
            ["MailboxCaps:SubscriptionConfirmationsPerDay"] = "100000",
            ["MailboxCaps:SupportConfirmationsPerDay"] = "100000",
            // Scheduled jobs would race the tests; the follow-up tests run each job on demand instead.
            ["FollowUp:SchedulerEnabled"] = "false",
        };

        string? database = null;
        if (provider == DatabaseProvider.PostgreSql)
        {
            database = "fixit_test_" + Guid.NewGuid().ToString("N")[..12];
            all["Database:ConnectionString"] = new NpgsqlConnectionStringBuilder(TestPostgres.ServerConnectionString) { Database = database }.ToString();
        }

        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        var factory = new Factory(all, configureServices);
        factory.UseKestrel(0);
        factory.StartServer();
        await Task.CompletedTask;
        return new FixItApp(factory, dataFolder, database, clock) { Provider = provider };
    }

    /// <summary>Moves the fake clock on by the real time that passed, every few milliseconds, until the app stops.</summary>
    private static async Task FollowRealTimeAsync(FakeTimeProvider clock, CancellationToken stop)
    {
        using var tick = new PeriodicTimer(TimeSpan.FromMilliseconds(10));
        var last = TimeProvider.System.GetTimestamp();
        try
        {
            while (await tick.WaitForNextTickAsync(stop))
            {
                var now = TimeProvider.System.GetTimestamp();
                clock.Advance(TimeProvider.System.GetElapsedTime(last, now));
                last = now;
            }
        }
        catch (OperationCanceledException)
        {
            // The app is stopping.
        }
    }

    /// <summary>Runs work against the app's own database in a fresh scope.</summary>
    public async Task<T> WithDbAsync<T>(Func<FixItDbContext, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<FixItDbContext>());
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _clockFollower;
        _stop.Dispose();
        Client.Dispose();
        await _factory.DisposeAsync();
        if (_postgresDatabase is not null)
        {
            await TestPostgres.DropDatabaseAsync(_postgresDatabase);
        }

        try
        {
            Directory.Delete(_dataFolder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open by a finalising connection; the temp folder is cleaned by the OS.
        }
    }

    private sealed class Factory(IDictionary<string, string?> settings, Action<IServiceCollection>? configureServices)
        : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Testing");
            foreach (var (key, value) in settings)
            {
                builder.UseSetting(key, value);
            }

            if (configureServices is not null)
            {
                builder.ConfigureServices(configureServices);
            }
        }
    }
}
