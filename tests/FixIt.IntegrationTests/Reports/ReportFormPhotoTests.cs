using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using FixIt.Infrastructure.Persistence;
using FixIt.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using SkiaSharp;

namespace FixIt.IntegrationTests.Reports;

/// <summary>The web form over plain HTTP: antiforgery, photo limits and the published copies.</summary>
[Collection(AppsCollection.Name)]
public sealed partial class ReportFormPhotoTests(AppsFixture apps)
{
    [Theory]
    [MemberData(nameof(AppsFixture.Providers), MemberType = typeof(AppsFixture))]
    public async Task Photos_are_republished_scaled_and_in_their_own_kind(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        using var response = await PostFormAsync(app, "Two photos", ("wide.jpg", Image(3000, 1500, opaque: true, SKEncodedImageFormat.Jpeg)),
            ("sign.png", Image(300, 200, opaque: false, SKEncodedImageFormat.Png)));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var id = int.Parse(response.Headers.Location!.OriginalString.Split('/')[2].Split('?')[0], System.Globalization.CultureInfo.InvariantCulture);
        var photos = await app.WithDbAsync(db => db.ReportPhotos.Where(p => p.ReportId == id).OrderBy(p => p.Position).ToListAsync());
        Assert.Equal([("image/jpeg", 2048, 1024), ("image/png", 300, 200)], photos.Select(p => (p.ContentType, p.Width, p.Height)));
        Assert.DoesNotContain("wide", photos[0].StorageKey, StringComparison.Ordinal);
        await app.ConfirmAsync(id); // the photos are public once the report is

        using var served = await app.Client.GetAsync($"photos/{photos[1].StorageKey}");
        Assert.Equal("image/png", served.Content.Headers.ContentType!.MediaType);
        using var decoded = SKBitmap.Decode(await served.Content.ReadAsByteArrayAsync());
        Assert.Equal(SKColors.Transparent.Alpha, decoded.GetPixel(0, 0).Alpha);
    }

    [Theory]
    [MemberData(nameof(AppsFixture.Providers), MemberType = typeof(AppsFixture))]
    public async Task Four_photos_are_refused_and_nothing_is_stored(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var photo = Image(50, 50, opaque: true, SKEncodedImageFormat.Jpeg);
        var filesBefore = PhotoFiles(app);
        using var response = await PostFormAsync(app, "Four photos", ("1.jpg", photo), ("2.jpg", photo), ("3.jpg", photo), ("4.jpg", photo));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Attach at most 3 photos.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await app.WithDbAsync(db => db.Reports.CountAsync(r => r.Title == "Four photos")));
        Assert.Equal(filesBefore, PhotoFiles(app));
    }

    [Theory]
    [MemberData(nameof(AppsFixture.Providers), MemberType = typeof(AppsFixture))]
    public async Task A_form_without_its_antiforgery_token_is_refused(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        using var form = Fields("No token", token: null);
        using var response = await app.Client.PostAsync("reports", form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(0, await app.WithDbAsync(db => db.Reports.CountAsync(r => r.Title == "No token")));
    }

    private static async Task<HttpResponseMessage> PostFormAsync(FixItApp app, string title, params (string Name, byte[] Bytes)[] files)
    {
        var home = await app.Client.GetStringAsync("?lat=53.8&lon=-1.55");
        var token = Token().Match(home).Groups[1].Value;
        var form = Fields(title, token);
        foreach (var (name, bytes) in files)
        {
            var file = new ByteArrayContent(bytes);
            file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            form.Add(file, "photos", name);
        }

        return await app.Client.PostAsync("reports", form);
    }

    private static int PhotoFiles(FixItApp app) =>
        Directory.Exists(Path.Combine(app.DataFolder, "photos")) ? Directory.GetFiles(Path.Combine(app.DataFolder, "photos")).Length : 0;

    private static MultipartFormDataContent Fields(string title, string? token)
    {
        var form = new MultipartFormDataContent();
        foreach (var (key, value) in new[]
        {
            ("category", "street-lighting"), ("title", title), ("description", "Out."), ("lat", "53.8"), ("lon", "-1.55"),
            ("name", "Ada"), ("email", "ada@example.net"), ("__RequestVerificationToken", token),
        })
        {
            if (value is not null)
            {
                form.Add(new StringContent(value), key);
            }
        }

        return form;
    }

    private static byte[] Image(int width, int height, bool opaque, SKEncodedImageFormat format)
    {
        using var bitmap = new SKBitmap(width, height, SKColorType.Rgba8888, opaque ? SKAlphaType.Opaque : SKAlphaType.Unpremul);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(opaque ? SKColors.SteelBlue : SKColors.Transparent);
            using var paint = new SKPaint { Color = SKColors.Orange };
            canvas.DrawCircle(width / 2f, height / 2f, height / 4f, paint);
        }

        using var image = SKImage.FromBitmap(bitmap);
        return image.Encode(format, 90).ToArray();
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
