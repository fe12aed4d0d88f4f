using FixIt.Infrastructure.Persistence;
using FixIt.IntegrationTests.Infrastructure;
using FixIt.Web.Cli;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace FixIt.IntegrationTests.Places;

/// <summary>
/// An app per provider of their own for the gazetteer tests: the places they import would otherwise show up as
/// "near …" in other tests' reports and emails.
/// </summary>
public sealed class PlacesApps : PerProviderApps<FixItApp>
{
    protected override Task<FixItApp> StartAsync(DatabaseProvider provider) => FixItApp.StartAsync(provider);
}

[CollectionDefinition(Name)]
public sealed class PlacesCollection : ICollectionFixture<PlacesApps>
{
    public const string Name = "places";
}

internal static class PlaceFiles
{
    /// <summary>Runs `import-places FILE` against the app's own database, as an administrator would.</summary>
    public static async Task<(int Code, string Output, string Error)> ImportAsync(FixItApp app, string name, string content)
    {
        var path = Path.Combine(app.DataFolder, name);
        await File.WriteAllTextAsync(path, content);
        var configuration = app.Services.GetRequiredService<IConfiguration>();
        var settings = new Dictionary<string, string?>
        {
            ["Database:Provider"] = configuration["Database:Provider"],
            ["Database:ConnectionString"] = configuration["Database:ConnectionString"],
            ["Storage:DataFolder"] = app.DataFolder,
        };
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await AdminCommands.RunAsync(["import-places", path], output, error, settings);
        return (code, output.ToString(), error.ToString());
    }
}
