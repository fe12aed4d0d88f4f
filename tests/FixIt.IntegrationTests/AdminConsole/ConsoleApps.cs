using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using FixIt.Application.Common;
using FixIt.Infrastructure.Persistence;
using FixIt.IntegrationTests.Infrastructure;
using FixIt.IntegrationTests.Mail;
using FixIt.IntegrationTests.Staff;

namespace FixIt.IntegrationTests.AdminConsole;

/// <summary>One app per provider for the console's routing pages, with small upload and vertex limits so "too large" is cheap to show.</summary>
public sealed class ConsoleApps : PerProviderApps<FixItApp>
{
    public const int UploadLimit = 20_000;

    /// <summary>Low enough that a small file naming one arc many times passes it.</summary>
    public const int VertexLimit = 1_000;

    protected override Task<FixItApp> StartAsync(DatabaseProvider provider) =>
        FixItApp.StartAsync(provider, new Dictionary<string, string?>
        {
            ["AdminImport:MaxUploadBytes"] = UploadLimit.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["AdminImport:MaxVertices"] = VertexLimit.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
}

[CollectionDefinition(Name)]
public sealed class ConsoleCollection : ICollectionFixture<ConsoleApps>
{
    public const string Name = "console-routing";
}

/// <summary>A signed-in browser and its forms: the antiforgery field read from a page, as a browser sends it.</summary>
public static partial class ConsoleBrowser
{
    public static async Task<HttpClient> AdminAsync(FixItApp app)
    {
        var admin = StaffSignInTests.Browser(app);
        (await AdminSignInTests.SignInAsync(admin, await app.CreateStaffAsync(StaffRoles.Admin, twoFactor: true), "/admin/areas")).Dispose();
        return admin;
    }

    public static async Task<HttpClient> StaffAsync(FixItApp app, string role, string? operatorSlug = null)
    {
        var staff = StaffSignInTests.Browser(app);
        (await AdminSignInTests.SignInAsync(staff, await app.CreateStaffAsync(role, operatorSlug), "/admin/account")).Dispose();
        return staff;
    }

    public static async Task<string> TokenAsync(HttpClient client, string pagePath)
    {
        using var page = await client.GetAsync(pagePath);
        var html = await page.Content.ReadAsStringAsync();
        Assert.True(page.StatusCode == HttpStatusCode.OK, $"GET {pagePath}: {(int)page.StatusCode}\n{html}");
        return WebUtility.HtmlDecode(Token().Match(html).Groups[1].Value);
    }

    public static async Task<HttpResponseMessage> PostAsync(HttpClient client, string pagePath, string postPath, params (string Name, string? Value)[] fields)
    {
        var form = new List<KeyValuePair<string, string>> { new("__RequestVerificationToken", await TokenAsync(client, pagePath)) };
        form.AddRange(fields.Where(f => f.Value is not null).Select(f => new KeyValuePair<string, string>(f.Name, f.Value!)));
        return await client.PostAsync(postPath, new FormUrlEncodedContent(form));
    }

    public static async Task<HttpResponseMessage> UploadAsync(HttpClient client, string pagePath, string postPath, string fileField, string fileName,
        byte[] file, params (string Name, string Value)[] fields)
    {
        using var content = new MultipartFormDataContent
        {
            { new StringContent(await TokenAsync(client, pagePath)), "__RequestVerificationToken" },
        };
        foreach (var (name, value) in fields)
        {
            content.Add(new StringContent(value), name);
        }

        var bytes = new ByteArrayContent(file);
        bytes.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        content.Add(bytes, fileField, fileName);
        return await client.PostAsync(postPath, content);
    }

    /// <summary>The kept upload's id, from the page's hidden "upload" field.</summary>
    public static string UploadId(string html) => Upload().Match(html).Groups[1].Value;

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex Token();

    [GeneratedRegex("name=\"upload\" value=\"([0-9a-f]{32})\"")]
    private static partial Regex Upload();
}
