using System.Net;
using System.Text.RegularExpressions;
using FixIt.Infrastructure.Persistence;
using FixIt.IntegrationTests.Infrastructure;
using FixIt.IntegrationTests.Mail;
using FixIt.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace FixIt.IntegrationTests.Localization;

/// <summary>
/// Every public page rendered in the pseudo-locale (Localization:PseudoLocale, qps-Ploc), where each string from the
/// resources comes back accented and bracketed: any visible text, title, aria-label, placeholder, alt or button value
/// left once the bracketed strings and the page's data (seeded names, the report's words, numbers, dates) are taken out
/// was written into the page instead of coming from the resources.
/// </summary>
public sealed partial class PseudoLocaleTests
{
    private const string Title = "Pseudo lamp out";

    // Names that are the same in every language: the product, its API, the switcher's language names, a map service.
    private static readonly string[] Untranslated = ["FixIt", "API", "English", "Cymraeg", "OpenStreetMap"];

    [Theory]
    [MemberData(nameof(AppsFixture.Providers), MemberType = typeof(AppsFixture))]
    public async Task Every_public_page_shows_only_text_from_the_resources(DatabaseProvider provider)
    {
        await using var sink = await SmtpSink.StartAsync();
        await using var app = await MailApps.StartAsync(provider, sink, settings => settings["Localization:PseudoLocale"] = "true");
        app.Client.DefaultRequestHeaders.Add("Accept-Language", "qps-Ploc");
        var reporter = MailApps.UniqueEmail("pseudo");
        var unconfirmed = await OutboxFaultTests.SubmitAsync(app, reporter, Title);
        var confirmPath = MailApps.LinkPath(await sink.WaitForAsync(m => m.To == reporter, "the confirmation"), "confirm/");
        var id = await OutboxFaultTests.SubmitAsync(app, MailApps.UniqueEmail("pseudo"), Title);
        await app.ConfirmAsync(id);
        var data = await DataAsync(app);

        var pages = new (string Path, HttpStatusCode Status)[]
        {
            ("/", HttpStatusCode.OK),
            ("/?place=Park", HttpStatusCode.OK),
            ($"/reports/{id}", HttpStatusCode.OK),
            ("/map", HttpStatusCode.OK),
            ("/map?status=fixed", HttpStatusCode.OK),
            ("/operators", HttpStatusCode.OK),
            ("/operators/demo-city-council", HttpStatusCode.OK),
            ("/alerts", HttpStatusCode.OK),
            ("/my", HttpStatusCode.OK),
            ("/privacy", HttpStatusCode.OK),
            ($"/reports/{id}/flag", HttpStatusCode.OK),
            ("/" + confirmPath, HttpStatusCode.OK),
            ("/" + confirmPath[..^1] + (confirmPath[^1] == 'A' ? 'B' : 'A'), HttpStatusCode.NotFound),
            ($"/reports/{unconfirmed + 100000}", HttpStatusCode.NotFound),
            ("/operators/no-such-operator", HttpStatusCode.NotFound),
        };

        var failures = new List<string>();
        foreach (var (path, status) in pages)
        {
            using var response = await app.Client.GetAsync(path);
            Assert.True(status == response.StatusCode, $"{path}: {(int)response.StatusCode}");
            var html = await response.Content.ReadAsStringAsync();
            Assert.Contains("<html lang=\"qps-Ploc\">", html, StringComparison.Ordinal);
            failures.AddRange(NotFromResources(html, data).Select(text => $"{path}: “{text}”"));
        }

        Assert.True(failures.Count == 0, "Text not from the resources:\n" + string.Join("\n", failures.Distinct()));
    }

    /// <summary>Each piece of text a reader sees or hears that is left once resource strings and data are removed.</summary>
    internal static IEnumerable<string> NotFromResources(string html, IReadOnlyList<string> data)
    {
        var body = NonText().Replace(html, " ");
        var pieces = TextNode().Matches(body).Select(m => m.Groups[1].Value)
            .Concat(ReadAttribute().Matches(body).Select(m => m.Groups[1].Value))
            .Concat(Description().Matches(body).Select(m => m.Groups[1].Value))
            .Concat(ButtonValue().Matches(body).Select(m => m.Groups[1].Value));
        foreach (var piece in pieces)
        {
            var rest = WebUtility.HtmlDecode(piece);
            string before;
            do
            {
                before = rest;
                rest = Pseudo().Replace(rest, " ");
            }
            while (rest != before);

            foreach (var known in data.Concat(Untranslated))
            {
                rest = rest.Replace(known, " ", StringComparison.Ordinal);
            }

            if (Words().IsMatch(rest))
            {
                yield return rest.Trim();
            }
        }
    }

    /// <summary>The seeded names and the report's words a page may show as they are: data, not interface text.</summary>
    internal static async Task<IReadOnlyList<string>> DataAsync(FixItApp app)
    {
        var names = await app.WithDbAsync(async db =>
        {
            var all = await db.Categories.ToListAsync();
            var categories = all.Select(c => c.Name)
                .Concat(all.SelectMany(c => c.ExtraQuestions).SelectMany(q => new[] { q.Question, q.Description ?? "" }))
                .Concat(all.SelectMany(c => c.ExtraQuestions).SelectMany(q => q.Values).Select(v => v.Name))
                .ToList();
            var operators = await db.Operators.Select(o => o.Name).ToListAsync();
            var areas = await db.Areas.Select(a => a.Name).ToListAsync();
            var kinds = await db.Areas.Select(a => a.Kind).ToListAsync();
            var places = await db.Places.Select(p => p.Name).ToListAsync();
            var placeKinds = await db.Places.Select(p => p.Kind).ToListAsync();
            var placeCodes = await db.Places.Where(p => p.Code != null).Select(p => p.Code!).ToListAsync();
            return categories.Concat(operators).Concat(areas).Concat(kinds).Concat(places).Concat(placeKinds).Concat(placeCodes).ToList();
        });
        // The privacy notice names the map tile server as configured.
        var map = app.Services.GetRequiredService<IOptions<MapOptions>>().Value;
        names.AddRange([map.TileAttribution, FixIt.Web.Features.Privacy.PrivacyPage.PrivacyPageEndpoints.HostOf(map.TileUrl) ?? ""]);
        var report = ReportRequests.Valid(Title);
        names.AddRange([Title, (string)report["description"]!, (string)report["reporterName"]!, "UTC"]);
        names.AddRange(System.Globalization.CultureInfo.InvariantCulture.DateTimeFormat.MonthNames.Where(m => m.Length > 0));
        names.AddRange(System.Globalization.CultureInfo.InvariantCulture.DateTimeFormat.AbbreviatedMonthNames.Where(m => m.Length > 0));
        return [.. names.Where(n => n.Length > 0).Distinct().OrderByDescending(n => n.Length)];
    }

    // Scripts, styles, comments and the document type are not read (the page-texts JSON block holds resource strings only).
    [GeneratedRegex(@"<script\b[^>]*>.*?</script>|<style\b[^>]*>.*?</style>|<!--.*?-->|<!DOCTYPE[^>]*>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex NonText();

    [GeneratedRegex(@">([^<]+)<")]
    private static partial Regex TextNode();

    [GeneratedRegex(@"\s(?:title|aria-label|placeholder|alt)=""([^""]*)""")]
    private static partial Regex ReadAttribute();

    [GeneratedRegex(@"<meta name=""description"" content=""([^""]*)""")]
    private static partial Regex Description();

    [GeneratedRegex(@"<input\b[^>]*\btype=""(?:submit|button)""[^>]*\bvalue=""([^""]*)""")]
    private static partial Regex ButtonValue();

    // A resource string in the pseudo-locale: "[Ŕéƥöŕţ å ƥŕöƀļéɱ]", with no bracket inside.
    [GeneratedRegex(@"\[[^\[\]]*\]")]
    private static partial Regex Pseudo();

    [GeneratedRegex(@"\p{L}{2,}")]
    private static partial Regex Words();
}
