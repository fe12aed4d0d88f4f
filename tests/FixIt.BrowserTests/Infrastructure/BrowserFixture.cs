using FixIt.Infrastructure.Persistence;
using FixIt.IntegrationTests.Infrastructure;
using Microsoft.Playwright;

namespace FixIt.BrowserTests.Infrastructure;

/// <summary>
/// One app on a real port (SQLite, demo data, no tile server) and one headless Debian Chromium, shared by the
/// browser tests. Chromium is the system's; Playwright's own browser downloads are never used.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    private IPlaywright? _playwright;

    public FixItApp App { get; private set; } = default!;

    public IBrowser Browser { get; private set; } = default!;

    /// <summary>Where the tests leave a screenshot of every page they visit.</summary>
    public static string ScreenshotFolder { get; } =
        Environment.GetEnvironmentVariable("FIXIT_SCREENSHOTS") is { Length: > 0 } folder
            ? folder
            : Path.Combine(AppContext.BaseDirectory, "TestResults", "screenshots");

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(ScreenshotFolder);
        // An empty tile URL: the maps must show their pins with no tile server at all.
        App = await FixItApp.StartAsync(DatabaseProvider.Sqlite, new Dictionary<string, string?> { ["Map:TileUrl"] = "" });
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("FIXIT_CHROMIUM") ?? "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    public Task<IPage> NewPageAsync(int width = 1280, int height = 900) => NewPageAsync(App, width, height);

    public async Task<IPage> NewPageAsync(FixItApp app, int width = 1280, int height = 900)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = app.BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = width, Height = height },
        });
        // Every CSP violation (blocked inline script or style, a host not in the policy) becomes a page error.
        await context.AddInitScriptAsync(PageChecks.CspViolationListener);
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(15_000);
        var errors = PageChecks.ErrorsOf(page);
        page.PageError += (_, error) => errors.Add(error);
        page.Console += (_, message) =>
        {
            // The rejected form is itself a 400 response; resource failures show up in the assertions instead.
            if (message.Type == "error" && !message.Text.StartsWith("Failed to load resource", StringComparison.Ordinal))
            {
                errors.Add(message.Text);
            }
        };
        return page;
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
        if (App is not null)
        {
            await App.DisposeAsync();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}
