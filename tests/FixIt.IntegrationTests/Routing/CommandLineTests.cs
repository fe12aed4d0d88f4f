using System.Net;
using System.Text.Json;
using FixIt.Infrastructure.Persistence;
using FixIt.IntegrationTests.Infrastructure;
using FixIt.Web.Cli;
using Microsoft.EntityFrameworkCore;

namespace FixIt.IntegrationTests.Routing;

/// <summary>The admin verbs, run through the same entry code as `FixIt.Web VERB ...`, against a running app's database.</summary>
public sealed class CommandLineTests : IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "fixit-cli-tests", Guid.NewGuid().ToString("N"));
    private FixItApp _app = null!;

    private Dictionary<string, string?> Settings => new() { ["Database:Provider"] = "Sqlite", ["Storage:DataFolder"] = _folder };

    public async Task InitializeAsync() =>
        _app = await FixItApp.StartAsync(DatabaseProvider.Sqlite, new Dictionary<string, string?>(Settings) { ["Routing:PollSeconds"] = "0.2" });

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    private async Task<(int Code, string Output, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await AdminCommands.RunAsync(args, output, error, Settings);
        return (code, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task Create_api_key_prints_the_key_alone_on_its_line_and_the_app_accepts_it()
    {
        var (code, output, _) = await RunAsync("create-api-key", "--name", "ops", "--role", "admin");

        Assert.Equal(0, code);
        var key = Assert.Single(output.Split('\n', StringSplitOptions.RemoveEmptyEntries)).Trim();
        using var client = _app.ClientWithKey(key);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("api/admin/rules")).StatusCode);

        var revoked = await RunAsync("revoke-api-key", "--name", "ops");
        Assert.Equal(0, revoked.Code);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("api/admin/rules")).StatusCode);
    }

    [Theory]
    [InlineData(new[] { "create-api-key", "--name", "x", "--role", "operator" }, "needs its operator (--operator SLUG)")]
    [InlineData(new[] { "create-api-key", "--name", "x", "--role", "operator", "--operator", "nobody" }, "no operator 'nobody'")]
    [InlineData(new[] { "revoke-api-key", "--name", "never-made" }, "never-made was not found")]
    [InlineData(new[] { "import-areas", "/no/such/file.json", "--kind", "k", "--name-property", "n", "--code-property", "c" }, "There is no file")]
    public async Task Bad_input_exits_non_zero_with_a_clear_message(string[] args, string message)
    {
        var (code, _, error) = await RunAsync(args);

        Assert.NotEqual(0, code);
        Assert.Contains(message, error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_areas_refuses_a_file_past_the_vertex_limit_with_exit_code_2_and_imports_nothing()
    {
        var bomb = Path.Combine(_folder, "bomb.topojson");
        await File.WriteAllBytesAsync(bomb, TopoJsonBomb.Build(20, 99));
        using var output = new StringWriter();
        using var error = new StringWriter();

        var code = await AdminCommands.RunAsync(["import-areas", bomb, "--kind", "bomb", "--name-property", "name", "--code-property", "code"],
            output, error, new Dictionary<string, string?>(Settings) { ["AdminImport:MaxVertices"] = "1000" });

        Assert.Equal(2, code);
        Assert.Contains("error: The file has more than the limit of 1,000 vertices (features 0 to 10 alone have 1,100).", error.ToString(), StringComparison.Ordinal);
        Assert.Equal(0, await _app.WithDbAsync(db => db.Areas.CountAsync(a => a.Kind == "bomb")));
    }

    [Fact]
    public async Task Imported_areas_and_rules_reach_the_running_app_within_seconds()
    {
        var topo = Path.Combine(_folder, "squares.topojson");
        await File.WriteAllTextAsync(topo, AdminRequests.SquaresTopoJson(30, 10, 2, "A", "B"));
        var rules = Path.Combine(_folder, "rules.csv");
        await File.WriteAllTextAsync(rules, "area_kind,area_code,category,operator,priority\nzone,B,pothole,demo-buses,2\n");

        var areas = await RunAsync("import-areas", topo, "--kind", "zone", "--name-property", "name", "--code-property", "id", "--object", "squares");
        var imported = await RunAsync("import-rules", rules);

        Assert.Equal((0, "Imported 2 areas (2 new, 0 replaced, 0 repaired)."), (areas.Code, areas.Output.Trim()));
        Assert.Equal(0, imported.Code);
        JsonElement result = default;
        for (var attempt = 0; attempt < 50; attempt++)
        {
            result = await _app.Client.GetJsonAsync("api/routing/explain?lat=11&lon=33&category=pothole");
            if (result.GetProperty("candidates").GetArrayLength() > 0)
            {
                break;
            }

            await Task.Delay(100);
        }

        Assert.Equal("Demo Buses", result.GetProperty("candidates")[0].GetProperty("operatorName").GetString());
        Assert.Equal("Square B", result.GetProperty("areas")[0].GetProperty("name").GetString());
    }
}
