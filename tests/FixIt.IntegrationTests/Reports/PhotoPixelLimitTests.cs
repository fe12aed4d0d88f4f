using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.RegularExpressions;
using FixIt.Infrastructure.Persistence;
using FixIt.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using SkiaSharp;

namespace FixIt.IntegrationTests.Reports;

/// <summary>
/// Photos are measured from their header before anything is decoded: a small file declaring a huge picture is
/// refused at once with the field named; a real large photo is still taken, turned upright and scaled.
/// </summary>
[Collection(AppsCollection.Name)]
public sealed partial class PhotoPixelLimitTests(AppsFixture apps)
{
    private static readonly TimeSpan HangBound = TimeSpan.FromSeconds(15);

    private static readonly Lazy<byte[]> Huge = new(() => PhotoTestImages.BlankPng(16000, 16000));

    [Theory]
    [MemberData(nameof(AppsFixture.Providers), MemberType = typeof(AppsFixture))]
    public async Task A_small_file_declaring_256_megapixels_is_refused_on_the_form_before_decoding(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        Assert.True(Huge.Value.Length < 200_000, $"The test PNG is {Huge.Value.Length} bytes.");
        var filesBefore = PhotoFiles(app);

        var watch = Stopwatch.StartNew();
        using var response = await PostFormAsync(app, "Huge photo", ("huge.png", Huge.Value));

        Assert.True(watch.Elapsed < HangBound, $"Refusing took {watch.Elapsed}.");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("The photo \"huge.png\" is 16000 × 16000 pixels; at most 40 megapixels are accepted.", page, StringComparison.Ordinal);
        Assert.Equal(0, await app.WithDbAsync(db => db.Reports.CountAsync(r => r.Title == "Huge photo")));
        Assert.Equal(filesBefore, PhotoFiles(app));
    }

    [Theory]
    [MemberData(nameof(AppsFixture.Providers), MemberType = typeof(AppsFixture))]
    public async Task A_small_file_declaring_256_megapixels_is_refused_by_the_photo_api_with_the_field_named(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(Huge.Value);
        file.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        form.Add(file, "photo", "huge.png");

        var watch = Stopwatch.StartNew();
        using var response = await app.Client.PostAsync("api/photos/location", form);

        Assert.True(watch.Elapsed < HangBound, $"Refusing took {watch.Elapsed}.");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var errors = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("errors");
        Assert.Equal("The photo is 16000 × 16000 pixels; at most 40 megapixels are accepted.", errors.GetProperty("photo")[0].GetString());
    }

    [Theory]
    [MemberData(nameof(AppsFixture.Providers), MemberType = typeof(AppsFixture))]
    public async Task A_large_phone_photo_is_accepted_turned_upright_and_scaled(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        using var response = await PostFormAsync(app, "Upright phone photo", ("phone.jpg", PhotoTestImages.RotatedJpeg(4000, 3000)));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var photo = await StoredPhotoAsync(app, "Upright phone photo");
        Assert.Equal(("image/jpeg", 1536, 2048), (photo.ContentType, photo.Width, photo.Height));
        using var published = await PublishedAsync(app, photo.StorageKey);
        Assert.Equal((1536, 2048), (published.Width, published.Height));
        AssertNear(SKColors.Red, published.GetPixel(768, 100));
        AssertNear(SKColors.Blue, published.GetPixel(768, 1948));
    }

    [Theory]
    [MemberData(nameof(AppsFixture.Providers), MemberType = typeof(AppsFixture))]
    public async Task A_large_png_is_scaled_and_keeps_its_transparency(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        using var response = await PostFormAsync(app, "Wide transparent photo", ("wide.png", PhotoTestImages.WidePng(6000, 1500)));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var photo = await StoredPhotoAsync(app, "Wide transparent photo");
        Assert.Equal(("image/png", 2048, 512), (photo.ContentType, photo.Width, photo.Height));
        using var published = await PublishedAsync(app, photo.StorageKey);
        AssertNear(SKColors.Red, published.GetPixel(200, 256));
        Assert.Equal(0, published.GetPixel(1800, 256).Alpha);
    }

    private static async Task<Domain.Reports.ReportPhoto> StoredPhotoAsync(FixItApp app, string title) =>
        await app.WithDbAsync(db => db.ReportPhotos.SingleAsync(p => db.Reports.Any(r => r.Id == p.ReportId && r.Title == title)));

    private static async Task<SKBitmap> PublishedAsync(FixItApp app, string storageKey) =>
        SKBitmap.Decode(await File.ReadAllBytesAsync(Path.Combine(app.DataFolder, "photos", storageKey)));

    private static void AssertNear(SKColor expected, SKColor actual) =>
        Assert.True(Math.Abs(expected.Red - actual.Red) < 40 && Math.Abs(expected.Green - actual.Green) < 40 && Math.Abs(expected.Blue - actual.Blue) < 40,
            $"Expected about {expected}, found {actual}.");

    private static int PhotoFiles(FixItApp app) =>
        Directory.Exists(Path.Combine(app.DataFolder, "photos")) ? Directory.GetFiles(Path.Combine(app.DataFolder, "photos")).Length : 0;

    private static async Task<HttpResponseMessage> PostFormAsync(FixItApp app, string title, params (string Name, byte[] Bytes)[] files)
    {
        var home = await app.Client.GetStringAsync("?lat=53.8&lon=-1.55");
        var form = new MultipartFormDataContent();
        foreach (var (key, value) in new[]
        {
            ("category", "street-lighting"), ("title", title), ("description", "Out."), ("lat", "53.8"), ("lon", "-1.55"),
            ("name", "Ada"), ("email", "ada@example.net"), ("__RequestVerificationToken", Token().Match(home).Groups[1].Value),
        })
        {
            form.Add(new StringContent(value), key);
        }

        foreach (var (name, bytes) in files)
        {
            var file = new ByteArrayContent(bytes);
            file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            form.Add(file, "photos", name);
        }

        return await app.Client.PostAsync("reports", form);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
