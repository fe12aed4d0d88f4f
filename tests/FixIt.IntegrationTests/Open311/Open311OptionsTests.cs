using FixIt.Infrastructure.Persistence;
using FixIt.IntegrationTests.Infrastructure;

namespace FixIt.IntegrationTests.Open311;

/// <summary>A malformed key setting stops the app at start rather than silently refusing every client.</summary>
public sealed class Open311OptionsTests
{
    [Theory]
    [InlineData("sha256:not-hex")]
    [InlineData("sha256:abcd")]
    [InlineData(" ")]
    public async Task A_malformed_api_key_setting_stops_the_app_at_start(string setting)
    {
        var error = await Assert.ThrowsAnyAsync<Exception>(() =>
            FixItApp.StartAsync(DatabaseProvider.Sqlite, new Dictionary<string, string?> { ["Open311:ApiKeys:0"] = setting }));

        Assert.Contains("Open311:ApiKeys", error.ToString(), StringComparison.Ordinal);
    }
}
