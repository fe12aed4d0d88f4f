using System.Net;
using FixIt.Infrastructure.Persistence;
using FixIt.IntegrationTests.Infrastructure;
using FixIt.IntegrationTests.Mail;
using FixIt.Web.Cli;

namespace FixIt.IntegrationTests.Staff;

/// <summary>create-user and disable-user, run through the same entry code as `FixIt.Web VERB ...`, against a running app's database.</summary>
public sealed class StaffCommandLineTests : IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "fixit-cli-tests", Guid.NewGuid().ToString("N"));
    private FixItApp _app = null!;

    private Dictionary<string, string?> Settings => new() { ["Database:Provider"] = "Sqlite", ["Storage:DataFolder"] = _folder };

    public async Task InitializeAsync() => _app = await FixItApp.StartAsync(DatabaseProvider.Sqlite, Settings);

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    private async Task<(int Code, string Output, string Error)> RunAsync(string? stdin, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        using var input = new StringReader(stdin ?? "");
        var code = await AdminCommands.RunAsync(args, output, error, Settings, input);
        return (code, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task Create_user_prints_a_link_once_that_sets_the_password_and_the_first_admin_can_sign_in()
    {
        var (code, output, error) = await RunAsync(null, "create-user", "--email", "first.admin@example.org", "--role", "admin");

        Assert.Equal(0, code);
        Assert.Contains("shown once", error, StringComparison.Ordinal);
        var link = new Uri(Assert.Single(output.Split('\n', StringSplitOptions.RemoveEmptyEntries)).Trim()).AbsolutePath.TrimStart('/');
        using var browser = StaffSignInTests.Browser(_app);
        using var set = await browser.SubmitFormAsync(link, link, ("password", "the very first password"), ("confirm", "the very first password"));
        Assert.Equal(HttpStatusCode.OK, set.StatusCode);

        using var signedIn = await AdminSignInTests.SignInAsync(browser, new StaffLogin(0, "first.admin@example.org", "the very first password", null),
            "/admin/mail");
        Assert.Equal("/admin/mail", signedIn.Headers.Location!.OriginalString);
        // Outside Development an admin enrols an authenticator before anything else.
        using var mail = await browser.GetAsync("admin/mail");
        Assert.Equal("/admin/account/two-factor", mail.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Create_user_with_password_stdin_makes_operator_staff_and_disable_user_ends_their_session()
    {
        var (code, output, _) = await RunAsync("a password from stdin\n", "create-user", "--email", "crew@example.org", "--role", "operator",
            "--operator", "demo-buses", "--password-stdin");
        Assert.Equal(0, code);
        Assert.DoesNotContain("http", output, StringComparison.Ordinal);

        var login = new StaffLogin(0, "crew@example.org", "a password from stdin", null);
        using var browser = StaffSignInTests.Browser(_app);
        (await AdminSignInTests.SignInAsync(browser, login, "/admin/account")).Dispose();
        Assert.Contains("operator for demo-buses", await browser.GetStringAsync("admin/account"), StringComparison.Ordinal);

        var disabled = await RunAsync(null, "disable-user", "--email", "crew@example.org");
        Assert.Equal(0, disabled.Code);
        Assert.Contains("Disabled operator account crew@example.org.", disabled.Output, StringComparison.Ordinal);
        using var after = await browser.GetAsync("admin/account");
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        using var again = await AdminSignInTests.SignInAsync(browser, login, "/admin/account");
        Assert.Equal(HttpStatusCode.Unauthorized, again.StatusCode);
    }

    [Theory]
    [InlineData(new[] { "create-user", "--email", "x@example.org", "--role", "operator" }, "need the operator")]
    [InlineData(new[] { "create-user", "--email", "x@example.org", "--role", "operator", "--operator", "nobody" }, "no operator 'nobody'")]
    [InlineData(new[] { "create-user", "--email", "x@example.org", "--role", "admin", "--operator", "demo-buses" }, "Only operator staff")]
    [InlineData(new[] { "create-user", "--email", "not-an-address", "--role", "moderator" }, "email address")]
    [InlineData(new[] { "create-user", "--email", "x@example.org", "--role", "moderator", "--password-stdin" }, "nothing was read")]
    [InlineData(new[] { "disable-user", "--email", "never@example.org" }, "was not found")]
    public async Task Bad_input_exits_non_zero_with_a_clear_message(string[] args, string message)
    {
        var (code, _, error) = await RunAsync(null, args);

        Assert.NotEqual(0, code);
        Assert.Contains(message, error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_short_password_is_refused_and_no_account_is_left_behind()
    {
        var (code, _, error) = await RunAsync("short\n", "create-user", "--email", "short@example.org", "--role", "moderator", "--password-stdin");

        Assert.Equal(2, code);
        Assert.Contains("at least 12 characters", error, StringComparison.Ordinal);
        var (again, output, _) = await RunAsync(null, "create-user", "--email", "short@example.org", "--role", "moderator");
        Assert.Equal(0, again);
        Assert.Contains("/admin/set-password/", output, StringComparison.Ordinal);
    }
}
