using FixIt.Infrastructure.Persistence;
using FixIt.IntegrationTests.Infrastructure;

namespace FixIt.IntegrationTests.Security;

/// <summary>Two apps on SQLite (the headers do not depend on the database): one reached over http, one whose public base URL is https.</summary>
public sealed class SecurityHeadersFixture : IAsyncLifetime
{
    public const string TileUrl = "https://{s}.tiles.example.org/{z}/{x}/{y}.png";

    public FixItApp Http { get; private set; } = default!;

    public FixItApp Https { get; private set; } = default!;

    public async Task InitializeAsync()
    {
        Http = await FixItApp.StartAsync(DatabaseProvider.Sqlite, new Dictionary<string, string?>
        {
            ["Site:PublicBaseUrl"] = "http://fixit.example.org",
            ["Map:TileUrl"] = TileUrl,
        });
        Https = await FixItApp.StartAsync(DatabaseProvider.Sqlite, new Dictionary<string, string?>
        {
            ["Site:PublicBaseUrl"] = "https://fixit.example.org",
        });
    }

    public async Task DisposeAsync()
    {
        await Http.DisposeAsync();
        await Https.DisposeAsync();
    }
}
