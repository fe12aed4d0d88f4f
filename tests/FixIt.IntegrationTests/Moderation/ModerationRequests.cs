using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using FixIt.Application.Features.Admin.ApiKeys.CreateApiKey;
using FixIt.Domain.Access;
using FixIt.Domain.Moderation;
using FixIt.IntegrationTests.Infrastructure;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FixIt.IntegrationTests.Moderation;

/// <summary>An admin key with a known name (the audit log's actor), and the moderation calls as a client makes them.</summary>
public sealed class Moderator(HttpClient client, string name) : IDisposable
{
    public HttpClient Client { get; } = client;

    public string Name { get; } = name;

    public static async Task<Moderator> CreateAsync(FixItApp app)
    {
        var name = $"moderator-{Guid.NewGuid():N}";
        await using var scope = app.Services.CreateAsyncScope();
        var created = await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new CreateApiKeyCommand(name, ApiKeyRole.Admin, null));
        return new Moderator(app.ClientWithKey(created.Key), name);
    }

    /// <summary>POSTs <c>{ "reason": … }</c> (no body when <paramref name="reason"/> is null) and returns the status and JSON.</summary>
    public Task<(HttpStatusCode Status, JsonElement Body)> PostAsync(string path, string? reason = "Abusive language.") =>
        SendAsync(HttpMethod.Post, path, reason is null ? null : new Dictionary<string, object?> { ["reason"] = reason });

    public async Task<(HttpStatusCode Status, JsonElement Body)> SendAsync(HttpMethod method, string path, Dictionary<string, object?>? body)
    {
        using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        using var response = await Client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }

    public void Dispose() => Client.Dispose();
}

public static class ModerationAssertions
{
    /// <summary>A 400 whose problem names <paramref name="field"/>.</summary>
    public static void AssertNames((HttpStatusCode Status, JsonElement Body) answer, string field)
    {
        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.True(answer.Body.GetProperty("errors").TryGetProperty(field, out _), $"The 400 does not name '{field}': {answer.Body}");
    }

    /// <summary>The audit entries of one report, oldest first.</summary>
    public static Task<List<AuditEntry>> AuditOfAsync(this FixItApp app, int reportId) =>
        app.WithDbAsync(db => db.AuditEntries.AsNoTracking().Where(e => e.ReportId == reportId).OrderBy(e => e.Id).ToListAsync());
}
