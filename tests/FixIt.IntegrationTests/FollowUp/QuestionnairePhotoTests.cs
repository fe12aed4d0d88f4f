using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using FixIt.Application.Features.FollowUp.SendQuestionnaires;
using FixIt.Infrastructure.Persistence;
using FixIt.IntegrationTests.Infrastructure;
using FixIt.IntegrationTests.Mail;
using FixIt.IntegrationTests.Reports;
using Microsoft.EntityFrameworkCore;

namespace FixIt.IntegrationTests.FollowUp;

/// <summary>A "no" to the questionnaire may carry a photo: through the report photos' checks, shown with the update on the timeline.</summary>
public sealed partial class QuestionnairePhotoTests
{
    [Theory]
    [MemberData(nameof(AppsFixture.Providers), MemberType = typeof(AppsFixture))]
    public async Task A_no_with_a_photo_shows_the_photo_with_the_words_and_a_file_that_is_no_image_is_refused(DatabaseProvider provider)
    {
        await using var sink = await SmtpSink.StartAsync();
        await using var app = await MailApps.StartAsync(provider, sink, fakeClock: true);
        var reporter = MailApps.UniqueEmail("photo");
        var (id, _) = await FollowUpFlow.SentReportAsync(app, sink, reporter, "Lamp out on Swinegate");
        app.Clock!.Advance(TimeSpan.FromDays(28) + TimeSpan.FromHours(1));
        await app.RunJobAsync(new SendQuestionnairesCommand());
        var mail = await sink.WaitForAsync(m => m.To == reporter && m.Subject.Contains("Has it been fixed?", StringComparison.Ordinal), "the questionnaire");
        var path = MailApps.LinkPath(mail, "questionnaire/");

        // Not an image: the form again with the reason, and the link still works.
        using (var refused = await PostAsync(app, path, "not-fixed", "Still dark.", ("notes.png", "just text"u8.ToArray())))
        {
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Contains("is not a JPEG, PNG or WebP image", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using (var answered = await PostAsync(app, path, "not-fixed", "Still dark, see the photo.", ("lamp.png", PhotoTestImages.BlankPng(64, 48))))
        {
            Assert.Equal(HttpStatusCode.Redirect, answered.StatusCode);
        }

        var page = await app.Client.GetStringAsync($"reports/{id}");
        Assert.Contains("Not fixed yet: Still dark, see the photo.", page, StringComparison.Ordinal);
        var photo = PhotoLink().Match(page);
        Assert.True(photo.Success, "No photo on the timeline");
        using var served = await app.Client.GetAsync(photo.Groups[1].Value.TrimStart('/'));
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        // Drawn afresh by the report photos' pipeline (so no metadata survives): a JPEG, whatever came in.
        Assert.Equal("image/jpeg", served.Content.Headers.ContentType?.MediaType);
        Assert.Equal(1, await app.WithDbAsync(db => db.UpdatePhotos.CountAsync(p => p.ReportId == id)));
    }

    private static async Task<HttpResponseMessage> PostAsync(FixItApp app, string path, string answer, string words, (string Name, byte[] Bytes) file)
    {
        var html = await app.Client.GetStringAsync(path);
        var hidden = HiddenField().Match(html);
        using var form = new MultipartFormDataContent
        {
            { new StringContent(WebUtility.HtmlDecode(hidden.Groups[2].Value)), WebUtility.HtmlDecode(hidden.Groups[1].Value) },
            { new StringContent(answer), "answer" },
            { new StringContent(words), "update" },
        };
        var content = new ByteArrayContent(file.Bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        form.Add(content, "photo", file.Name);
        return await app.Client.PostAsync(path, form);
    }

    [GeneratedRegex("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]+)\"")]
    private static partial Regex HiddenField();

    [GeneratedRegex("<img src=\"(/reports/\\d+/photos/\\d+)\"")]
    private static partial Regex PhotoLink();
}
