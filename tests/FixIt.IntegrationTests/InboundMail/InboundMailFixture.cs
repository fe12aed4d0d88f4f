using FixIt.Infrastructure.Persistence;

namespace FixIt.IntegrationTests.InboundMail;

/// <summary>One app with the SMTP listener per provider, shared by the tests of the "inbound mail" collection.</summary>
public sealed class InboundMailFixture : IAsyncLifetime
{
    private readonly Dictionary<DatabaseProvider, Task<InboundMailApp>> _apps = [];
    private readonly Lock _lock = new();

    public static TheoryData<DatabaseProvider> Providers => [DatabaseProvider.Sqlite, DatabaseProvider.PostgreSql];

    public Task<InboundMailApp> GetAsync(DatabaseProvider provider)
    {
        lock (_lock)
        {
            if (!_apps.TryGetValue(provider, out var app))
            {
                app = InboundMailApp.StartAsync(provider);
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
public sealed class InboundMailCollection : ICollectionFixture<InboundMailFixture>
{
    public const string Name = "inbound mail";
}
