using System.Net.Http.Headers;
using FixIt.Application.Features.Admin.ApiKeys.CreateApiKey;
using FixIt.Domain.Access;
using Mediator;
using Microsoft.Extensions.DependencyInjection;

namespace FixIt.IntegrationTests.Infrastructure;

/// <summary>API keys made the way the create-api-key verb makes them, and clients that send them.</summary>
public static class AdminRequests
{
    public static async Task<string> CreateKeyAsync(this FixItApp app, ApiKeyRole role, string? operatorSlug = null)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var created = await scope.ServiceProvider.GetRequiredService<IMediator>()
            .Send(new CreateApiKeyCommand($"test-{Guid.NewGuid():N}", role, operatorSlug));
        return created.Key;
    }

    public static HttpClient ClientWithKey(this FixItApp app, string key)
    {
        var client = new HttpClient { BaseAddress = app.BaseAddress };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return client;
    }

    public static async Task<HttpClient> AdminClientAsync(this FixItApp app) => app.ClientWithKey(await app.CreateKeyAsync(ApiKeyRole.Admin));

    /// <summary>A small TopoJSON topology: squares side by side in one row, neighbours sharing their vertical arc.</summary>
    public static string SquaresTopoJson(double west, double south, double size, params string[] codes)
    {
        var n = codes.Length;
        var arcs = new List<string>();
        // Arcs 0..n-1 are the bottoms, n..2n-1 the tops, 2n..3n the verticals from west to east.
        for (var k = 0; k < n; k++)
        {
            arcs.Add(FormattableString.Invariant($"[[{west + size * k},{south}],[{west + size * (k + 1)},{south}]]"));
        }

        for (var k = 0; k < n; k++)
        {
            arcs.Add(FormattableString.Invariant($"[[{west + size * (k + 1)},{south + size}],[{west + size * k},{south + size}]]"));
        }

        for (var k = 0; k <= n; k++)
        {
            arcs.Add(FormattableString.Invariant($"[[{west + size * k},{south}],[{west + size * k},{south + size}]]"));
        }

        // A ring walks its bottom, the east vertical up, its top, and the west vertical backwards (~index).
        var geometries = codes.Select((code, k) =>
            $"{{\"type\":\"Polygon\",\"id\":\"{code}\",\"properties\":{{\"name\":\"Square {code}\"}},\"arcs\":[[{k},{2 * n + k + 1},{n + k},{~(2 * n + k)}]]}}");
        return $"{{\"type\":\"Topology\",\"objects\":{{\"squares\":{{\"type\":\"GeometryCollection\",\"geometries\":[{string.Join(',', geometries)}]}}}},\"arcs\":[{string.Join(',', arcs)}]}}";
    }
}
