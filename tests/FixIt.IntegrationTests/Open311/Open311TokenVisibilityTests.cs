using System.Net;
using FixIt.Domain.Reports;
using FixIt.Infrastructure.Persistence;
using FixIt.IntegrationTests.Infrastructure;

namespace FixIt.IntegrationTests.Open311;

/// <summary>An Open311 token is its client's link to the request (ReportStatusRules.IsShownByLink): gone once hidden.</summary>
[Collection(Open311Collection.Name)]
public sealed class Open311TokenVisibilityTests(Open311Fixture apps)
{
    [Theory]
    [MemberData(nameof(AppsFixture.Providers), MemberType = typeof(AppsFixture))]
    public async Task An_open311_token_names_its_request_once_public_and_nothing_once_hidden(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var (id, token) = await app.PostValidAsync($"Token lamp {Guid.NewGuid():N}");
        var path = $"open311/v2/tokens/{token}.json";

        Assert.Null(Assert.Single(Open311Doc.ListOf("json", await app.GetAsync(path, "json"), "service_requests", "request"))["service_request_id"]);
        await app.ConfirmAsync(id);
        Assert.Equal($"{id}", Assert.Single(Open311Doc.ListOf("json", await app.GetAsync(path, "json"), "service_requests", "request"))["service_request_id"]);

        await app.UpdateAsync(id, r => r.ChangeStatus(ReportStatus.Hidden, ActorKind.Admin, "Admin", EventSource.Admin, null, DateTimeOffset.UtcNow));
        await app.GetAsync(path, "json", HttpStatusCode.NotFound);
    }
}
