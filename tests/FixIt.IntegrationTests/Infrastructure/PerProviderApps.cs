using FixIt.Infrastructure.Persistence;

namespace FixIt.IntegrationTests.Infrastructure;

/// <summary>
/// One running app per database provider, started on first use and shared by the tests of a collection;
/// subclasses say how their app is started (which settings, which extra servers).
/// </summary>
public abstract class PerProviderApps<TApp> : IAsyncLifetime
    where TApp : IAsyncDisposable
{
    private readonly Dictionary<DatabaseProvider, Task<TApp>> _apps = [];
    private readonly Lock _lock = new();

    public Task<TApp> GetAsync(DatabaseProvider provider)
    {
        lock (_lock)
        {
            if (!_apps.TryGetValue(provider, out var app))
            {
                app = StartAsync(provider);
                _apps[provider] = app;
            }

            return app;
        }
    }

    protected abstract Task<TApp> StartAsync(DatabaseProvider provider);

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
