using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using FixIt.Application.Features.Admin.ApiKeys.CreateApiKey;
using FixIt.Application.Features.Admin.ApiKeys.RevokeApiKey;
using FixIt.Domain.Access;
using FixIt.Infrastructure.Persistence;
using FixIt.IntegrationTests.Infrastructure;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FixIt.IntegrationTests.Routing;

[Collection(AppsCollection.Name)]
public sealed class AdminAuthTests(AppsFixture apps)
{
    public static TheoryData<string> AdminPaths => ["api/admin/areas", "api/admin/operators", "api/admin/categories", "api/admin/rules", "api/admin/reports/unrouted"];

    [Theory]
    [MemberData(nameof(AdminPaths))]
    public async Task Without_a_key_or_with_an_unknown_one_every_admin_route_is_401(string path)
    {
        var app = await apps.GetAsync(DatabaseProvider.Sqlite);
        using var stranger = app.ClientWithKey("fixit_notarealkeyatallnotarealkeyat");

        using var none = await app.Client.GetAsync(path);
        using var unknown = await stranger.GetAsync(path);

        Assert.Equal(HttpStatusCode.Unauthorized, none.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, unknown.StatusCode);
        Assert.Equal("application/problem+json", none.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [MemberData(nameof(AppsFixture.Providers), MemberType = typeof(AppsFixture))]
    public async Task An_operator_key_reads_only_its_own_operator_and_changes_nothing(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        using var buses = app.ClientWithKey(await app.CreateKeyAsync(ApiKeyRole.Operator, "demo-buses"));

        var operators = await buses.GetFromJsonAsync<JsonElement>("api/admin/operators");
        var rules = await buses.GetFromJsonAsync<JsonElement>("api/admin/rules");
        using var other = await buses.GetAsync("api/admin/operators/demo-city-council");
        using var write = await buses.PostAsJsonAsync("api/admin/rules", new { @operator = "demo-buses", priority = 1 });
        using var unrouted = await buses.GetAsync("api/admin/reports/unrouted");

        Assert.Equal(["demo-buses"], operators.EnumerateArray().Select(o => o.GetProperty("slug").GetString()));
        Assert.All(rules.EnumerateArray(), r => Assert.Equal("demo-buses", r.GetProperty("operator").GetString()));
        Assert.NotEqual(0, rules.GetArrayLength());
        Assert.Equal(HttpStatusCode.Forbidden, other.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, write.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, unrouted.StatusCode);
    }

    [Fact]
    public async Task A_revoked_key_is_refused_and_only_its_hash_is_stored()
    {
        var app = await apps.GetAsync(DatabaseProvider.Sqlite);
        await using var scope = app.Services.CreateAsyncScope();
        var mediator = scope.ServiceProvider.GetRequiredService<IMediator>();
        var created = await mediator.Send(new CreateApiKeyCommand("soon-revoked", ApiKeyRole.Admin, null));
        using var client = app.ClientWithKey(created.Key);
        using var before = await client.GetAsync("api/admin/areas");

        await mediator.Send(new RevokeApiKeyCommand("soon-revoked"));
        using var after = await client.GetAsync("api/admin/areas");

        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
        var stored = await app.WithDbAsync(db => db.ApiKeys.SingleAsync(k => k.Name == "soon-revoked"));
        Assert.DoesNotContain(created.Key, stored.KeyHash, StringComparison.Ordinal);
        Assert.Equal(64, stored.KeyHash.Length);
    }
}
