using FixIt.Application.Features.FollowUp.ExpireUnconfirmed;
using FixIt.Domain.Messaging;
using FixIt.Domain.Reports;
using FixIt.Infrastructure.Persistence;
using FixIt.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace FixIt.IntegrationTests.FollowUp;

/// <summary>What is never confirmed goes after FollowUp:UnconfirmedExpireAfter (30 days): reports with their photo files, and followers.</summary>
public sealed class ExpiryTests
{
    [Theory]
    [MemberData(nameof(AppsFixture.Providers), MemberType = typeof(AppsFixture))]
    public async Task Unconfirmed_reports_with_their_photos_and_unconfirmed_followers_are_deleted_after_thirty_days(DatabaseProvider provider)
    {
        await using var app = await FixItApp.StartAsync(provider, fakeClock: true);
        var unconfirmed = (await app.Client.SubmitAsync(ReportRequests.Valid("Never confirmed"))).GetProperty("id").GetInt32();
        var confirmed = (await app.Client.SubmitAsync(ReportRequests.Valid("Confirmed in time"))).GetProperty("id").GetInt32();
        await app.ConfirmAsync(confirmed);

        // A stored photo of the unconfirmed report, and two followers of the public one: one confirmed, one not.
        const string photoKey = "expiringphoto1.jpg";
        var photoFile = Path.Combine(app.DataFolder, "photos", photoKey);
        Directory.CreateDirectory(Path.GetDirectoryName(photoFile)!);
        await File.WriteAllBytesAsync(photoFile, [0xFF, 0xD8, 0xFF, 0xD9]);
        await app.WithDbAsync(async db =>
        {
            var now = app.Clock!.GetUtcNow();
            db.ReportPhotos.Add(new ReportPhoto(unconfirmed, 1, photoKey, "image/jpeg", 1, 1, 4, now));
            var follower = new ReportSubscription(confirmed, "kept@example.net", now);
            follower.Confirm(now);
            db.ReportSubscriptions.AddRange(follower, new ReportSubscription(confirmed, "never@example.net", now));
            return await db.SaveChangesAsync();
        });

        app.Clock!.Advance(TimeSpan.FromDays(30) - TimeSpan.FromHours(1));
        await app.RunJobAsync(new ExpireUnconfirmedCommand());
        Assert.True(await ExistsAsync(app, unconfirmed));
        Assert.True(File.Exists(photoFile));
        Assert.Equal(2, await app.WithDbAsync(db => db.ReportSubscriptions.CountAsync(s => s.ReportId == confirmed)));

        app.Clock.Advance(TimeSpan.FromHours(2));
        await app.RunJobAsync(new ExpireUnconfirmedCommand());
        Assert.False(await ExistsAsync(app, unconfirmed));
        Assert.False(File.Exists(photoFile));
        Assert.Equal(0, await app.WithDbAsync(db => db.AccessTokens.CountAsync(t => t.ReportId == unconfirmed)));
        Assert.True(await ExistsAsync(app, confirmed));
        var left = await app.WithDbAsync(db => db.ReportSubscriptions.Where(s => s.ReportId == confirmed).Select(s => s.Email).ToListAsync());
        Assert.Equal(["kept@example.net"], left);

        // A second run finds nothing more to delete.
        Assert.Equal(0, (await app.RunJobAsync(new ExpireUnconfirmedCommand())).Handled);
    }

    private static Task<bool> ExistsAsync(FixItApp app, int id) => app.WithDbAsync(db => db.Reports.AnyAsync(r => r.Id == id));
}
