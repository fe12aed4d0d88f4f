using System.Net;
using FixIt.Application.Abstractions;
using FixIt.Domain.Reports;
using FixIt.Infrastructure.Persistence;
using FixIt.IntegrationTests.InboundMail;
using FixIt.IntegrationTests.Infrastructure;
using FixIt.IntegrationTests.Open311;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FixIt.IntegrationTests.Unconfirmed;

/// <summary>
/// The two visibility rules (ReportStatusRules.IsPublic and IsShownByLink) on every public surface: a hidden report and
/// an unconfirmed one, each with a photo and an update with a photo, are absent from every list, map, search, feed,
/// export and Open311 answer, their addresses answer as a missing report's, and their photos are not served.
/// </summary>
[Collection(AppsCollection.Name)]
public sealed class HiddenAndUnconfirmedTests(AppsFixture apps)
{
    [Theory]
    [MemberData(nameof(AppsFixture.Providers), MemberType = typeof(AppsFixture))]
    public async Task A_hidden_report_and_its_photos_are_absent_from_every_public_surface(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var title = $"Hidden lamp {Guid.NewGuid():N}";
        var (id, photoPaths) = await SubmitWithPhotosAsync(app, title);
        await app.ConfirmAsync(id);

        // Public first, so the checks below can fail: the title is listed and the photos are served.
        Assert.Contains(title, await app.Client.GetStringAsync("api/reports?bbox=-1.60,53.77,-1.48,53.83&status=all&limit=1000"), StringComparison.Ordinal);
        foreach (var path in photoPaths)
        {
            using var served = await app.Client.GetAsync(path);
            Assert.True(served.StatusCode == HttpStatusCode.OK, $"GET {path}: {(int)served.StatusCode}");
        }

        await app.UpdateAsync(id, r => r.ChangeStatus(ReportStatus.Hidden, ActorKind.Admin, "Admin", EventSource.Admin, null, DateTimeOffset.UtcNow));

        // Gone from every list; its own page and API say it was removed (410), the rest answer as for a missing report.
        await Moderation.HideReportTests.AssertRemovedAsync(app.Client, id, title);
        await AssertNotServedAsync(app, photoPaths);
    }

    [Theory]
    [MemberData(nameof(AppsFixture.Providers), MemberType = typeof(AppsFixture))]
    public async Task An_unconfirmed_report_and_its_photos_are_absent_from_every_public_surface(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var title = $"Unconfirmed lamp {Guid.NewGuid():N}";
        var (id, photoPaths) = await SubmitWithPhotosAsync(app, title);

        await UnconfirmedVisibility.AssertNowhereAsync(app.Client, id, title);
        await AssertNotServedAsync(app, photoPaths);

        // Confirmed, the same photos are served: the rule, not a missing file, kept them back.
        await app.ConfirmAsync(id);
        foreach (var path in photoPaths)
        {
            using var served = await app.Client.GetAsync(path);
            Assert.True(served.StatusCode == HttpStatusCode.OK, $"GET {path}: {(int)served.StatusCode}");
        }
    }

    // A report with one photo of its own and one public update that has a photo; returns their public addresses.
    internal static async Task<(int Id, string[] PhotoPaths)> SubmitWithPhotosAsync(FixItApp app, string title)
    {
        var id = (await app.Client.SubmitAsync(ReportRequests.Valid(title))).GetProperty("id").GetInt32();
        var processor = app.Services.GetRequiredService<IPhotoProcessor>();
        var own = await processor.StoreAsync(TestImages.JpegWithExif(), CancellationToken.None);
        var ofUpdate = await processor.StoreAsync(TestImages.JpegWithExif(120), CancellationToken.None);
        var now = DateTimeOffset.UtcNow;
        var updatePhotoId = await app.WithDbAsync(async db =>
        {
            var report = await db.Reports.Include(r => r.Events).SingleAsync(r => r.Id == id);
            var note = report.AddNote(ActorKind.Operator, "Demo City Council", EventSource.EmailReply, "A photo of the lamp.", now);
            db.ReportPhotos.Add(new ReportPhoto(id, 0, own.StorageKey, own.ContentType, own.Width, own.Height, own.Bytes, now));
            await db.SaveChangesAsync();
            var photo = new UpdatePhoto(id, note.Id, "lamp.jpg", ofUpdate.ContentType, ofUpdate.Bytes, ofUpdate.StorageKey, now);
            db.UpdatePhotos.Add(photo);
            await db.SaveChangesAsync();
            return photo.Id;
        });
        return (id, [$"photos/{own.StorageKey}", $"reports/{id}/photos/{updatePhotoId}"]);
    }

    internal static async Task AssertNotServedAsync(FixItApp app, IEnumerable<string> paths)
    {
        foreach (var path in paths)
        {
            using var response = await app.Client.GetAsync(path);
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"GET {path}: {(int)response.StatusCode}");
        }
    }
}
