using System.Net;
using FixIt.Application.Features.Admin.ApiKeys.CreateApiKey;
using FixIt.Application.Features.Admin.ApiKeys.RevokeApiKey;
using FixIt.Domain.Access;
using FixIt.Infrastructure.Persistence;
using FixIt.IntegrationTests.Infrastructure;
using Mediator;
using Microsoft.Extensions.DependencyInjection;

namespace FixIt.IntegrationTests.Mail;

/// <summary>The admin pages in a browser: signed in with an admin API key, a cookie, and nothing for anyone else.</summary>
public sealed class AdminSignInTests
{
    [Fact]
    public async Task The_mail_page_sends_a_stranger_to_sign_in_and_shows_an_admin_the_list()
    {
        await using var sink = await SmtpSink.StartAsync();
        await using var app = await MailApps.StartAsync(DatabaseProvider.Sqlite, sink);

        using var anonymous = await app.Client.GetAsync("admin/mail");
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.Equal("/admin/sign-in?returnUrl=%2Fadmin%2Fmail", anonymous.Headers.Location!.OriginalString);

        using var signedIn = await SignInAsync(app, await app.CreateKeyAsync(ApiKeyRole.Admin));
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal("/admin/mail", signedIn.Headers.Location!.OriginalString);
        var page = await app.Client.GetStringAsync("admin/mail");
        Assert.Contains("Email problems", page, StringComparison.Ordinal);

        using var signedOut = await app.Client.SubmitFormAsync("admin/mail", "admin/sign-out");
        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        using var again = await app.Client.GetAsync("admin/mail");
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
    }

    [Fact]
    public async Task Operator_unknown_and_empty_keys_are_refused_alike()
    {
        await using var sink = await SmtpSink.StartAsync();
        await using var app = await MailApps.StartAsync(DatabaseProvider.Sqlite, sink);

        foreach (var key in new[] { await app.CreateKeyAsync(ApiKeyRole.Operator, "demo-buses"), "fixit_notakey", "" })
        {
            using var response = await SignInAsync(app, key);
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.Contains("That is not a valid admin key.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using var page = await app.Client.GetAsync("admin/mail");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
    }

    [Fact]
    public async Task Revoking_the_key_ends_its_browser_session()
    {
        await using var sink = await SmtpSink.StartAsync();
        await using var app = await MailApps.StartAsync(DatabaseProvider.Sqlite, sink);
        await using var scope = app.Services.CreateAsyncScope();
        var mediator = scope.ServiceProvider.GetRequiredService<IMediator>();
        var created = await mediator.Send(new CreateApiKeyCommand("browser-admin", ApiKeyRole.Admin, null));
        using var signedIn = await SignInAsync(app, created.Key);
        using var before = await app.Client.GetAsync("admin/mail");
        Assert.Equal(HttpStatusCode.OK, before.StatusCode);

        await mediator.Send(new RevokeApiKeyCommand("browser-admin"));

        using var after = await app.Client.GetAsync("admin/mail");
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
    }

    [Theory]
    [InlineData("https://evil.example/", "/admin/mail")]
    [InlineData("//evil.example/", "/admin/mail")]
    [InlineData("/\\evil.example/", "/admin/mail")]
    [InlineData("/admin/mail?page=2", "/admin/mail?page=2")]
    public async Task After_sign_in_only_a_path_on_this_site_is_followed(string returnUrl, string expected)
    {
        await using var sink = await SmtpSink.StartAsync();
        await using var app = await MailApps.StartAsync(DatabaseProvider.Sqlite, sink);

        using var response = await SignInAsync(app, await app.CreateKeyAsync(ApiKeyRole.Admin), returnUrl);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(expected, response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task A_sign_in_without_the_antiforgery_field_is_refused()
    {
        await using var sink = await SmtpSink.StartAsync();
        await using var app = await MailApps.StartAsync(DatabaseProvider.Sqlite, sink);
        var key = await app.CreateKeyAsync(ApiKeyRole.Admin);

        using var response = await app.Client.PostAsync("admin/sign-in", new FormUrlEncodedContent([new("key", key)]));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var page = await app.Client.GetAsync("admin/mail");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
    }

    /// <summary>Signs <paramref name="app"/>'s client in through the form, as a browser would.</summary>
    internal static Task<HttpResponseMessage> SignInAsync(FixItApp app, string key, string returnUrl = "/admin/mail") =>
        app.Client.SubmitFormAsync("admin/sign-in", "admin/sign-in", ("key", key), ("returnUrl", returnUrl));
}
