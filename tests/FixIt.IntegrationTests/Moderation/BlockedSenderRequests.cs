using System.Net;
using System.Text.Json;
using FixIt.Infrastructure.Staff;
using FixIt.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace FixIt.IntegrationTests.Moderation;

/// <summary>The block list's admin API as a client calls it, and the senders the block list tests use.</summary>
internal static class BlockedSenderRequests
{
    public static Task<(HttpStatusCode Status, JsonElement Body)> BlockAsync(this Moderator admin, string? value, string? reason = "Repeated abuse.") =>
        admin.SendAsync(HttpMethod.Post, "api/admin/blocked-senders", new Dictionary<string, object?> { ["value"] = value, ["reason"] = reason });

    public static Task<(HttpStatusCode Status, JsonElement Body)> UnblockAsync(this Moderator admin, string? value, string? reason = "Apologised.") =>
        admin.SendAsync(HttpMethod.Delete, "api/admin/blocked-senders", new Dictionary<string, object?> { ["value"] = value, ["reason"] = reason });

    /// <summary>Blocks <paramref name="value"/> and asserts the 201.</summary>
    public static async Task<JsonElement> BlockedAsync(this Moderator admin, string value)
    {
        var answer = await admin.BlockAsync(value);
        Assert.True(answer.Status == HttpStatusCode.Created, $"{answer.Status}: {answer.Body}");
        return answer.Body;
    }

    /// <summary>A fresh domain nobody else's test uses: blocking it touches no other test's reports.</summary>
    public static string UniqueDomain() => $"blocked-{Guid.NewGuid():N}.example";

    public static async Task SetPasswordConfirmedAtAsync(FixItApp app, string email, DateTimeOffset at)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        var user = (await users.FindByEmailAsync(email))!;
        user.PasswordConfirmedAt = at;
        await users.UpdateAsync(user);
    }
}
