using System.Security.Cryptography;
using System.Text;
using FixIt.Infrastructure.Persistence;
using FixIt.IntegrationTests.Infrastructure;

namespace FixIt.IntegrationTests.Open311;

/// <summary>One app per provider with two Open311 write keys configured: one by its hash, one as itself.</summary>
public sealed class Open311Fixture : IAsyncLifetime
{
    public const string HashedKey = "o311-key-kept-as-a-hash";
    public const string PlainKey = "o311-key-kept-plain";

    private readonly Dictionary<DatabaseProvider, Task<FixItApp>> _apps = [];
    private readonly Lock _lock = new();

    public static TheoryData<DatabaseProvider, string> ProvidersAndFormats => new()
    {
        { DatabaseProvider.Sqlite, "json" },
        { DatabaseProvider.Sqlite, "xml" },
        { DatabaseProvider.PostgreSql, "json" },
        { DatabaseProvider.PostgreSql, "xml" },
    };

    public static Dictionary<string, string?> Settings => new()
    {
        ["Open311:ApiKeys:0"] = "sha256:" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(HashedKey))),
        ["Open311:ApiKeys:1"] = PlainKey,
    };

    public Task<FixItApp> GetAsync(DatabaseProvider provider)
    {
        lock (_lock)
        {
            if (!_apps.TryGetValue(provider, out var app))
            {
                app = FixItApp.StartAsync(provider, Settings);
                _apps[provider] = app;
            }

            return app;
        }
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var app in _apps.Values)
        {
            if (app.IsCompletedSuccessfully)
            {
                await app.Result.DisposeAsync();
            }
        }
    }
}

[CollectionDefinition(Name)]
public sealed class Open311Collection : ICollectionFixture<Open311Fixture>
{
    public const string Name = "open311";
}
