using FixIt.Domain.Text;
using FixIt.Infrastructure.Persistence;
using FixIt.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace FixIt.IntegrationTests.PublicText;

/// <summary>The scrubber knows FixIt's token routes by their paths; a new route carrying a token must be one it removes.</summary>
[Collection(AppsCollection.Name)]
public sealed class TokenRoutesTests(AppsFixture apps)
{
    [Fact]
    public async Task Every_route_with_a_token_in_its_path_is_removed_from_public_text()
    {
        var app = await apps.GetAsync(DatabaseProvider.Sqlite);
        var patterns = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(e => e.RoutePattern)
            .Where(p => p.Parameters.Any(x => x.Name.Contains("token", StringComparison.OrdinalIgnoreCase) || x.Name.Contains("key", StringComparison.OrdinalIgnoreCase)))
            .Select(p => p.RawText!)
            .Distinct()
            .ToList();

        Assert.Contains("/respond/{token}/{action}", patterns);
        // Photo keys are not secrets: every report page shows its photos' addresses.
        foreach (var pattern in patterns.Where(p => !p.StartsWith("/photos/", StringComparison.Ordinal)))
        {
            var path = System.Text.RegularExpressions.Regex.Replace(pattern, @"\{(\w+)[^}]*\}", m => m.Groups[1].Value switch
            {
                "action" => "fixed",
                "format" => "json",
                "id" => "42",
                _ => "Xk3_9fQ-aZ0bYc7dWe1fVg2hUi3jTk4lSm5nRo6pQq8",
            });

            Assert.Equal($"See {SecretLinkScrubber.LinkMarker} now", SecretLinkScrubber.Scrub($"See https://fixit.example.org{path} now"));
        }
    }
}
