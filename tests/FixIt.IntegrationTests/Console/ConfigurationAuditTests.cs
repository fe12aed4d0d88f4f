using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using FixIt.Application.Common;
using FixIt.Application.Features.Admin.ApiKeys.CreateApiKey;
using FixIt.Domain.Access;
using FixIt.Domain.Moderation;
using FixIt.Infrastructure.Persistence;
using FixIt.IntegrationTests.Infrastructure;
using FixIt.IntegrationTests.Mail;
using FixIt.IntegrationTests.Staff;
using Mediator;
using Microsoft.Extensions.DependencyInjection;

namespace FixIt.IntegrationTests.Console;

/// <summary>
/// Every configuration action is on the audit log with its caller (issue 14 item 9): operators, categories, rules, area
/// imports and API keys, from the admin API (the key is the actor) and from the console (the staff account is); never
/// the key itself. Reserved words are refused as slugs and codes, and /admin sends each role to its first page.
/// </summary>
[Collection(AppsCollection.Name)]
public sealed class ConfigurationAuditTests(AppsFixture apps)
{
    [Theory]
    [MemberData(nameof(AppsFixture.Providers), MemberType = typeof(AppsFixture))]
    public async Task Configuration_through_the_admin_api_is_on_the_audit_log_with_the_key_as_actor(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var keyName = $"audit-{Guid.NewGuid():N}"[..20];
        string key;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            key = (await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new CreateApiKeyCommand(keyName, ApiKeyRole.Admin, null))).Key;
        }

        using var admin = app.ClientWithKey(key);
        var slug = $"op-{Guid.NewGuid():N}"[..20];
        var code = $"cat-{Guid.NewGuid():N}"[..20];
        var kind = $"audit-{Guid.NewGuid():N}"[..20];
        object Operator(string name, bool active) =>
            new { name, kind = "council", isActive = active, contacts = new[] { new { email = "roads@audit.example.net" } } };

        await OkAsync(admin.PutAsJsonAsync($"api/admin/operators/{slug}", Operator("Audit Council", true)));
        await OkAsync(admin.PutAsJsonAsync($"api/admin/operators/{slug}", Operator("Audit Borough Council", true)));
        await OkAsync(admin.PutAsJsonAsync($"api/admin/categories/{code}", new { name = "Benches", group = "Parks", isActive = true }));
        await OkAsync(admin.PutAsJsonAsync($"api/admin/categories/{code}", new { name = "Park benches", group = "Parks", isActive = true }));
        var rule = (await OkAsync(admin.PostAsJsonAsync("api/admin/rules", new { category = code, @operator = slug, priority = 4 }))).GetProperty("id").GetInt32();
        await OkAsync(admin.PutAsJsonAsync($"api/admin/rules/{rule}", new { category = code, @operator = slug, priority = 6 }));
        await OkAsync(admin.PostAsync($"api/admin/rules/{rule}/retire", null));
        var second = (await OkAsync(admin.PostAsJsonAsync("api/admin/rules", new { category = code, @operator = slug, priority = 2 }))).GetProperty("id").GetInt32();
        using (var deleted = await admin.DeleteAsync($"api/admin/rules/{second}"))
        {
            Assert.True(deleted.IsSuccessStatusCode, await deleted.Content.ReadAsStringAsync());
        }

        await OkAsync(admin.PostAsync("api/admin/rules/import",
            new StringContent($"area_kind,area_code,category,operator,priority,active_from,active_to\n,,{code},{slug},1,,\n", Encoding.UTF8, "text/csv")));
        await OkAsync(admin.PostAsync($"api/admin/areas/import?kind={kind}&nameProperty=name&codeProperty=id",
            new StringContent(AdminRequests.SquaresTopoJson(120, -40, 1, "a1"), Encoding.UTF8, "application/json")));
        await OkAsync(admin.PutAsJsonAsync($"api/admin/categories/{code}", new { name = "Park benches", group = "Parks", isActive = false }));
        await OkAsync(admin.PutAsJsonAsync($"api/admin/operators/{slug}", Operator("Audit Borough Council", false)));

        var log = await admin.GetJsonAsync($"api/admin/audit?actor={keyName}&pageSize=100");
        var entries = log.GetProperty("entries").EnumerateArray().Reverse().ToList();
        Assert.Equal(
            [
                AuditActions.CreateOperator, AuditActions.EditOperator, AuditActions.CreateCategory, AuditActions.EditCategory,
                AuditActions.CreateRule, AuditActions.EditRule, AuditActions.RetireRule, AuditActions.CreateRule, AuditActions.DeleteRule,
                AuditActions.ImportRules, AuditActions.ImportAreas, AuditActions.RetireCategory, AuditActions.DeactivateOperator,
            ],
            entries.Select(e => e.GetProperty("action").GetString()));
        Assert.All(entries, e => Assert.Equal("apiKey", e.GetProperty("actorKind").GetString()));
        Assert.Equal(slug, entries[0].GetProperty("target").GetString());
        Assert.Contains("\"name\":\"Audit Council\"", entries[0].GetProperty("after").GetString(), StringComparison.Ordinal);
        Assert.Equal("{\"name\":\"Audit Council\"}", entries[1].GetProperty("before").GetString());
        Assert.Equal("{\"name\":\"Audit Borough Council\"}", entries[1].GetProperty("after").GetString());
        Assert.Equal(code, entries[2].GetProperty("target").GetString());
        Assert.Equal($"rule {rule}", entries[5].GetProperty("target").GetString());
        Assert.Equal("{\"priority\":4}", entries[5].GetProperty("before").GetString());
        Assert.Equal(kind, entries[10].GetProperty("target").GetString());
        Assert.Contains("\"created\":1", entries[10].GetProperty("after").GetString(), StringComparison.Ordinal);
        Assert.Equal("{\"isActive\":false}", entries[12].GetProperty("after").GetString());

        // The key that made the key is the command line here (the create-api-key verb's way).
        var made = await admin.GetJsonAsync($"api/admin/audit?action={AuditActions.CreateApiKey}&pageSize=100");
        var mine = made.GetProperty("entries").EnumerateArray().Single(e => e.GetProperty("target").GetString() == keyName);
        Assert.Equal("commandLine", mine.GetProperty("actorKind").GetString());
        Assert.Equal("{\"role\":\"Admin\",\"operator\":null}", mine.GetProperty("after").GetString());
        Assert.DoesNotContain(key, made.GetRawText(), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(AppsFixture.Providers), MemberType = typeof(AppsFixture))]
    public async Task Api_keys_made_and_revoked_in_the_console_name_the_staff_account_and_never_the_key(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var login = await app.CreateStaffAsync(StaffRoles.Admin, twoFactor: true);
        using var browser = StaffSignInTests.Browser(app);
        (await AdminSignInTests.SignInAsync(browser, login, "/admin/keys")).Dispose();
        var name = $"crm-{Guid.NewGuid():N}"[..16];

        using var created = await browser.SubmitFormAsync("admin/keys", "admin/keys", ("Name", name), ("Role", "operator"), ("OperatorSlug", "demo-buses"));
        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        using var revoked = await browser.SubmitFormAsync("admin/keys", "admin/keys/revoke", ("Name", name));
        Assert.Equal(HttpStatusCode.Redirect, revoked.StatusCode);

        var id = login.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var log = await browser.GetJsonAsync($"api/admin/audit?actor={id}&pageSize=100");
        var entries = log.GetProperty("entries").EnumerateArray().Where(e => e.GetProperty("target").GetString() == name).Reverse().ToList();
        Assert.Equal([AuditActions.CreateApiKey, AuditActions.RevokeApiKey], entries.Select(e => e.GetProperty("action").GetString()));
        Assert.All(entries, e => Assert.Equal("staffUser", e.GetProperty("actorKind").GetString()));
        Assert.Equal("{\"role\":\"Operator\",\"operator\":\"demo-buses\"}", entries[0].GetProperty("after").GetString());
    }

    [Theory]
    [MemberData(nameof(AppsFixture.Providers), MemberType = typeof(AppsFixture))]
    public async Task Reserved_words_are_refused_as_operator_slugs_and_category_codes_naming_the_field(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        using var admin = await app.AdminClientAsync();

        using var newOperator = await admin.PutAsJsonAsync("api/admin/operators/new",
            new { name = "New Council", kind = "council", contacts = new[] { new { email = "roads@new.example.net" } } });
        Assert.Equal(HttpStatusCode.BadRequest, newOperator.StatusCode);
        Assert.Contains("reserved", (await newOperator.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("slug")[0].GetString(),
            StringComparison.Ordinal);
        foreach (var code in new[] { "new", "preview" })
        {
            using var category = await admin.PutAsJsonAsync($"api/admin/categories/{code}", new { name = "Odd", group = "Parks", isActive = true });
            Assert.Equal(HttpStatusCode.BadRequest, category.StatusCode);
            Assert.Contains("reserved", (await category.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("code")[0].GetString(),
                StringComparison.Ordinal);
        }

        using var browser = StaffSignInTests.Browser(app);
        (await AdminSignInTests.SignInAsync(browser, await app.CreateStaffAsync(StaffRoles.Admin, twoFactor: true), "/admin/operators")).Dispose();
        using var form = await browser.SubmitFormAsync("admin/operators/new", "admin/operators/new", ("Slug", "new"), ("Name", "New Council"),
            ("Kind", "council"), ("AcknowledgeTargetDays", "5"), ("FixTargetDays", "28"), ("IsActive", "true"), ("Contacts[0].Category", ""),
            ("Contacts[0].Email", "roads@new.example.net"), ("Contacts[0].Cc", ""));
        Assert.Equal(HttpStatusCode.BadRequest, form.StatusCode);
        Assert.Contains("is reserved", await form.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False(await app.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.AnyAsync(db.Operators, o => o.Slug == "new")));
    }

    [Theory]
    [MemberData(nameof(AppsFixture.Providers), MemberType = typeof(AppsFixture))]
    public async Task The_console_front_door_sends_each_role_to_its_first_page(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        foreach (var (role, slug, first) in new[]
        {
            (StaffRoles.Admin, (string?)null, "/admin/operators"),
            (StaffRoles.Moderator, null, "/admin/flags"),
            (StaffRoles.Operator, "demo-buses", "/operator"),
        })
        {
            using var browser = StaffSignInTests.Browser(app);
            (await AdminSignInTests.SignInAsync(browser, await app.CreateStaffAsync(role, slug, twoFactor: role == StaffRoles.Admin), "/admin/account")).Dispose();
            using var home = await browser.GetAsync("admin");
            Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
            Assert.Equal(first, home.Headers.Location!.OriginalString);
        }

        using var stranger = StaffSignInTests.Browser(app);
        using var anonymous = await stranger.GetAsync("admin");
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.StartsWith("/admin/sign-in", anonymous.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    private static async Task<JsonElement> OkAsync(Task<HttpResponseMessage> request)
    {
        using var response = await request;
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri}: {(int)response.StatusCode} {text}");
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }
}
