using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using FixIt.Infrastructure.Persistence;
using FixIt.IntegrationTests.Infrastructure;
using FixIt.IntegrationTests.Mail;
using Microsoft.EntityFrameworkCore;
using SkiaSharp;

namespace FixIt.IntegrationTests.Unconfirmed;

/// <summary>
/// A report sent with the web form is seen by the browser that sent it (its cookie) and by the secret link in the
/// email; its photos likewise. Everyone else gets the answer a missing report gets, until it is confirmed.
/// </summary>
public sealed partial class UnconfirmedWebFormTests
{
    [Theory]
    [MemberData(nameof(AppsFixture.Providers), MemberType = typeof(AppsFixture))]
    public async Task Web_form_report_and_photo_are_seen_by_the_same_browser_and_the_secret_link_only(DatabaseProvider provider)
    {
        await using var sink = await SmtpSink.StartAsync();
        await using var app = await MailApps.StartAsync(provider, sink);
        using var browser = new CookieBrowser(app.BaseAddress);
        using var stranger = new CookieBrowser(app.BaseAddress);
        var reporter = MailApps.UniqueEmail("form");
        var title = $"Form lamp {Guid.NewGuid():N}";

        using var posted = await PostFormAsync(browser, title, reporter);
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        var id = await app.WithDbAsync(db => db.Reports.Where(r => r.Title == title).Select(r => r.Id).SingleAsync());
        Assert.Equal($"/reports/{id}", posted.Headers.Location!.OriginalString);
        var cookie = Assert.Single(browser.SetCookies, c => c.StartsWith("fixit-pending=", StringComparison.Ordinal));
        Assert.Contains("; httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("; samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("; secure", cookie, StringComparison.OrdinalIgnoreCase); // Site:PublicBaseUrl is https
        Assert.DoesNotContain(id.ToString(System.Globalization.CultureInfo.InvariantCulture) + ":", cookie, StringComparison.Ordinal);

        // The same browser sees its report and its photo at the public address.
        using var own = await browser.GetAsync($"reports/{id}");
        var html = await own.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Contains(title, html, StringComparison.Ordinal);
        Assert.Contains("Thank you. Your report is saved", html, StringComparison.Ordinal);
        Assert.Contains("Check your email to confirm this report", html, StringComparison.Ordinal);
        var key = await app.WithDbAsync(db => db.ReportPhotos.Where(p => p.ReportId == id).Select(p => p.StorageKey).SingleAsync());
        var photoUrl = PhotoSrc().Match(html).Groups[1].Value;
        Assert.Matches($"^/reports/{id}/pending/[A-Za-z0-9_-]{{43}}/photos/{key}$", photoUrl);
        using var photo = await browser.GetAsync(photoUrl.TrimStart('/'));
        Assert.Equal(HttpStatusCode.OK, photo.StatusCode);
        Assert.Equal("image/jpeg", photo.Content.Headers.ContentType!.MediaType);

        // Anyone else: nothing, on any surface; not the photo either, at its public address or with a wrong secret.
        await UnconfirmedVisibility.AssertNowhereAsync(app.Client, id, title);
        using var photoPublic = await stranger.GetAsync($"photos/{key}");
        using var photoGuessed = await stranger.GetAsync($"reports/{id}/pending/{new string('A', 43)}/photos/{key}");
        Assert.Equal(HttpStatusCode.NotFound, photoPublic.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, photoGuessed.StatusCode);
        browser.SetCookie("fixit-pending", "forged");
        await UnconfirmedVisibility.AssertSameAsMissingAsync(stranger.Client, $"reports/{id}", id);
        using var forged = await browser.GetAsync($"reports/{id}");
        Assert.Equal(HttpStatusCode.NotFound, forged.StatusCode);

        // The email's secret link works in any browser; after confirmation the report and photo are public.
        var confirmation = await sink.WaitForAsync(m => m.To == reporter, "the confirmation email");
        var secret = MailApps.LinkPath(confirmation, $"reports/{id}/pending/");
        Assert.Contains(title, await (await stranger.GetAsync(secret)).Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var confirmed = await app.Client.SubmitLinkFormAsync(MailApps.LinkPath(confirmation, "confirm/"));
        Assert.Equal(HttpStatusCode.OK, (await stranger.GetAsync($"reports/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await stranger.GetAsync($"photos/{key}")).StatusCode);
    }

    private static async Task<HttpResponseMessage> PostFormAsync(CookieBrowser browser, string title, string email)
    {
        using var home = await browser.GetAsync("?lat=53.8&lon=-1.55");
        var token = Token().Match(await home.Content.ReadAsStringAsync()).Groups[1].Value;
        using var form = new MultipartFormDataContent();
        foreach (var (key, value) in new[]
        {
            ("category", "street-lighting"), ("title", title), ("description", $"{title}: out."), ("lat", "53.8"), ("lon", "-1.55"),
            ("name", "Ada"), ("email", email), ("__RequestVerificationToken", token),
        })
        {
            form.Add(new StringContent(value), key);
        }

        var file = new ByteArrayContent(Jpeg());
        file.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
        form.Add(file, "photos", "lamp.jpg");
        return await browser.PostAsync("reports", form);
    }

    private static byte[] Jpeg()
    {
        using var bitmap = new SKBitmap(64, 48, SKColorType.Rgba8888, SKAlphaType.Opaque);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(SKColors.SteelBlue);
        }

        using var image = SKImage.FromBitmap(bitmap);
        return image.Encode(SKEncodedImageFormat.Jpeg, 90).ToArray();
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex Token();

    [GeneratedRegex("<img src=\"([^\"]+)\" width=")]
    private static partial Regex PhotoSrc();
}
