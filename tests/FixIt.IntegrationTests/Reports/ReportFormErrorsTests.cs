using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using FixIt.Infrastructure.Persistence;
using FixIt.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using SkiaSharp;

namespace FixIt.IntegrationTests.Reports;

/// <summary>The web form after a failed submit: errors in the form's own words, and the chosen photo kept.</summary>
[Collection(AppsCollection.Name)]
public sealed partial class ReportFormErrorsTests(AppsFixture apps)
{
    [Theory]
    [MemberData(nameof(AppsFixture.Providers), MemberType = typeof(AppsFixture))]
    public async Task Errors_name_the_fields_by_the_forms_labels(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        using var response = await PostAsync(app, [("category", ""), ("title", ""), ("description", "Out."), ("lat", "53.8"), ("lon", "-1.55"),
            ("name", "Ada"), ("email", "ada@")]);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Choose what kind of problem it is.", html, StringComparison.Ordinal);
        Assert.Contains("Give the report a title.", html, StringComparison.Ordinal);
        Assert.Contains("'Your email'", html, StringComparison.Ordinal);
        foreach (var internalName in new[] { "Category Code", "Reporter Email", "'Title' must not be empty" })
        {
            Assert.DoesNotContain(internalName, html, StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(AppsFixture.Providers), MemberType = typeof(AppsFixture))]
    public async Task A_photo_chosen_before_a_failed_submit_is_kept_and_sent_with_the_next(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var title = $"Kept photo {Guid.NewGuid():N}";

        // 1. No title: the form comes back, saying the photo is kept, with the token of the kept copy.
        using var failed = await PostAsync(app, Fields("", "ada@example.net"), ("pothole.jpg", Jpeg()));
        var html = await failed.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, failed.StatusCode);
        Assert.Contains("Kept from your last try: pothole.jpg", html, StringComparison.Ordinal);
        var token = KeptToken().Match(html).Groups[1].Value;
        Assert.NotEmpty(token);
        Assert.True(Directory.Exists(Path.Combine(app.DataFolder, "kept-photos", token)));

        // 2. The title given, no file chosen again: the report has the photo, and the kept copy is gone.
        using var sent = await PostAsync(app, [.. Fields(title, "ada@example.net"), ("keptPhotos", token)]);
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        var photos = await app.WithDbAsync(db => db.Reports.Where(r => r.Title == title)
            .Join(db.ReportPhotos, r => r.Id, p => p.ReportId, (r, p) => p.ContentType).ToListAsync());
        Assert.Equal(["image/jpeg"], photos);
        Assert.False(Directory.Exists(Path.Combine(app.DataFolder, "kept-photos", token)));
    }

    [Theory]
    [MemberData(nameof(AppsFixture.Providers), MemberType = typeof(AppsFixture))]
    public async Task A_made_up_kept_photos_token_adds_nothing(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var title = $"Made-up token {Guid.NewGuid():N}";

        using var sent = await PostAsync(app, [.. Fields(title, "ada@example.net"), ("keptPhotos", "../../photos")]);

        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        Assert.Equal(0, await app.WithDbAsync(db => db.Reports.Where(r => r.Title == title).Join(db.ReportPhotos, r => r.Id, p => p.ReportId, (r, p) => p.Id).CountAsync()));
    }

    private static (string, string)[] Fields(string title, string email) =>
        [("category", "pothole"), ("title", title), ("description", "A deep one."), ("lat", "53.8"), ("lon", "-1.55"), ("name", "Ada"), ("email", email)];

    private static async Task<HttpResponseMessage> PostAsync(FixItApp app, (string Name, string Value)[] fields, params (string Name, byte[] Bytes)[] files)
    {
        var home = await app.Client.GetStringAsync("?lat=53.8&lon=-1.55");
        using var form = new MultipartFormDataContent
        {
            { new StringContent(Token().Match(home).Groups[1].Value), "__RequestVerificationToken" },
        };
        foreach (var (name, value) in fields)
        {
            form.Add(new StringContent(value), name);
        }

        foreach (var (name, bytes) in files)
        {
            var file = new ByteArrayContent(bytes);
            file.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
            form.Add(file, "photos", name);
        }

        return await app.Client.PostAsync("reports", form);
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

    [GeneratedRegex("name=\"keptPhotos\" value=\"([a-z2-7]+)\"")]
    private static partial Regex KeptToken();
}
