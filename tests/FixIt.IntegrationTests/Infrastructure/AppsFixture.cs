using FixIt.Infrastructure.Persistence;

namespace FixIt.IntegrationTests.Infrastructure;

/// <summary>One running app per database provider, shared by the tests of the "apps" collection.</summary>
public sealed class AppsFixture : IAsyncLifetime
{
    private readonly Dictionary<DatabaseProvider, Task<FixItApp>> _apps = [];
    private readonly Lock _lock = new();

    public static TheoryData<DatabaseProvider> Providers => [DatabaseProvider.Sqlite, DatabaseProvider.PostgreSql];

    public Task<FixItApp> GetAsync(DatabaseProvider provider)
    {
        lock (_lock)
        {
            if (!_apps.TryGetValue(provider, out var app))
            {
                app = FixItApp.StartAsync(provider);
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
public sealed class AppsCollection : ICollectionFixture<AppsFixture>
{
    public const string Name = "apps";
}
