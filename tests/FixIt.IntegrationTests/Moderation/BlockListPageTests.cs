using System.Net;
using FixIt.Application.Common;
using FixIt.Infrastructure.Persistence;
using FixIt.IntegrationTests.Infrastructure;
using FixIt.IntegrationTests.Mail;
using FixIt.IntegrationTests.Staff;
using Microsoft.EntityFrameworkCore;

namespace FixIt.IntegrationTests.Moderation;

/// <summary>/admin/blocked-senders without JavaScript: add with field errors, remove behind re-authentication.</summary>
[Collection(AppsCollection.Name)]
public sealed class BlockListPageTests(AppsFixture apps)
{
    [Theory]
    [MemberData(nameof(AppsFixture.Providers), MemberType = typeof(AppsFixture))]
    public async Task An_admin_blocks_from_the_page_and_unblocks_after_typing_their_password_again(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var login = await app.CreateStaffAsync(StaffRoles.Admin, twoFactor: true);
        using var admin = StaffSignInTests.Browser(app);
        (await AdminSignInTests.SignInAsync(admin, login, "/admin/blocked-senders")).Dispose();
        var domain = BlockedSenderRequests.UniqueDomain();

        using (var bad = await admin.SubmitFormAsync("admin/blocked-senders", "admin/blocked-senders", ("value", "no such thing"), ("reason", "Spam.")))
        {
            Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
            var html = await bad.Content.ReadAsStringAsync();
            Assert.Contains("data-testid=\"value-error\">Give an email address", html, StringComparison.Ordinal);
            Assert.Contains("value=\"no such thing\"", html, StringComparison.Ordinal);
        }

        using (var noReason = await admin.SubmitFormAsync("admin/blocked-senders", "admin/blocked-senders", ("value", domain), ("reason", "")))
        {
            Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
            Assert.Contains("data-testid=\"reason-error\"", await noReason.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using (var blocked = await admin.SubmitFormAsync("admin/blocked-senders", "admin/blocked-senders", ("value", domain.ToUpperInvariant()),
            ("reason", "Fake reports from this domain.")))
        {
            Assert.Equal(HttpStatusCode.OK, blocked.StatusCode);
            var html = await blocked.Content.ReadAsStringAsync();
            Assert.Contains($"{domain} is blocked.", html, StringComparison.Ordinal);
            Assert.Contains("Fake reports from this domain.", html, StringComparison.Ordinal);
        }

        using (var twice = await admin.SubmitFormAsync("admin/blocked-senders", "admin/blocked-senders", ("value", domain), ("reason", "Again.")))
        {
            Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
            Assert.Contains("already on the block list", await twice.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        // Removing: the password again first (five minutes), then the same button works.
        await BlockedSenderRequests.SetPasswordConfirmedAtAsync(app, login.Email, DateTimeOffset.UtcNow.AddMinutes(-6));
        using (var stale = await admin.SubmitFormAsync("admin/blocked-senders", "admin/blocked-senders/unblock", ("value", domain), ("reason", "Sorted.")))
        {
            Assert.Equal(HttpStatusCode.Redirect, stale.StatusCode);
            Assert.Equal("/admin/reauthenticate?returnUrl=%2Fadmin%2Fblocked-senders", stale.Headers.Location!.OriginalString);
        }

        Assert.True(await app.WithDbAsync(db => db.BlockedSenders.AnyAsync(b => b.Value == domain)));
        using (var confirmed = await admin.SubmitFormAsync("admin/reauthenticate?returnUrl=%2Fadmin%2Fblocked-senders", "admin/reauthenticate",
            ("password", login.Password), ("returnUrl", "/admin/blocked-senders")))
        {
            Assert.Equal("/admin/blocked-senders", confirmed.Headers.Location!.OriginalString);
        }

        using (var removed = await admin.SubmitFormAsync("admin/blocked-senders", "admin/blocked-senders/unblock", ("value", domain), ("reason", "Sorted.")))
        {
            Assert.Equal(HttpStatusCode.OK, removed.StatusCode);
            Assert.Contains($"{domain} is no longer blocked.", await removed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        Assert.False(await app.WithDbAsync(db => db.BlockedSenders.AnyAsync(b => b.Value == domain)));

        // A form without its antiforgery field changes nothing.
        using var forged = await admin.PostAsync("admin/blocked-senders",
            new FormUrlEncodedContent([new("value", domain), new("reason", "Forged.")]));
        Assert.NotEqual(HttpStatusCode.OK, forged.StatusCode);
        Assert.False(await app.WithDbAsync(db => db.BlockedSenders.AnyAsync(b => b.Value == domain)));
    }
}
