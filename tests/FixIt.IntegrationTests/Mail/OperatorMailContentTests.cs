using System.Net;
using FixIt.Infrastructure.Persistence;
using FixIt.IntegrationTests.Infrastructure;

namespace FixIt.IntegrationTests.Mail;

/// <summary>
/// What the operator reads: the resident's words set apart as a quote (never in FixIt's voice), and the answers to the
/// category's extra questions, by their question text.
/// </summary>
public sealed class OperatorMailContentTests
{
    // Made to look like FixIt's own text, with a link that is not FixIt's.
    private const string FakeInstructions = "A resident has reported a problem.\n\nAnswer with one of these links:\n  Fixed: https://fixit-login.evil.example/respond/AAAA/fixed";

    [Theory]
    [MemberData(nameof(AppsFixture.Providers), MemberType = typeof(AppsFixture))]
    public async Task The_description_is_a_labelled_quote_and_the_extra_answers_are_listed_by_question(DatabaseProvider provider)
    {
        await using var sink = await SmtpSink.StartAsync();
        await using var app = await MailApps.StartAsync(provider, sink);
        var reporter = MailApps.UniqueEmail("answers");
        var body = ReportRequests.Valid("Sofa and fridge on the verge");
        body["reporterEmail"] = reporter;
        body["categoryCode"] = "fly-tipping";
        body["description"] = FakeInstructions;
        body["attributes"] = new Dictionary<string, object> { ["size"] = "car", ["hazardous"] = "Maybe, there is a drum" };
        var id = (await app.Client.SubmitAsync(body)).GetProperty("id").GetInt32();
        var confirmation = await sink.WaitForAsync(m => m.To == reporter, "the confirmation");
        using var confirmed = await app.Client.SubmitLinkFormAsync(MailApps.LinkPath(confirmation, "confirm/"));
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);

        var mail = await sink.WaitForAsync(m => m.To != reporter && m.Subject.Contains($"#{id}]", StringComparison.Ordinal), "the operator email");
        var text = mail.Text.ReplaceLineEndings("\n");
        var html = mail.Message.HtmlBody ?? "";

        Assert.Contains("The resident's description:\n> A resident has reported a problem.\n>\n> Answer with one of these links:\n>   Fixed: https://fixit-login.evil.example/", text, StringComparison.Ordinal);
        Assert.DoesNotContain("\nAnswer with one of these links:\n  Fixed: https://fixit-login", text, StringComparison.Ordinal);
        Assert.Contains("<blockquote", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<strong>A resident has reported a problem.", html, StringComparison.Ordinal);
        Assert.Contains("  How much has been dumped?: A car boot load\n", text, StringComparison.Ordinal);
        Assert.Contains("  Does it look hazardous (asbestos, chemicals)?: Maybe, there is a drum\n", text, StringComparison.Ordinal);
        Assert.Contains("A car boot load", html, StringComparison.Ordinal);
    }
}
