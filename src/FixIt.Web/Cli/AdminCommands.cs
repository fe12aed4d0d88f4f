using System.CommandLine;
using System.Globalization;
using FixIt.Application.Features.Admin.ApiKeys.CreateApiKey;
using FixIt.Application.Features.Admin.ApiKeys.RevokeApiKey;
using FixIt.Application.Features.Admin.Areas.ImportAreas;
using FixIt.Application.Features.Admin.Places.ImportPlaces;
using FixIt.Application.Features.Admin.Rules.ImportRules;
using FixIt.Domain.Access;
using FixIt.Infrastructure.Places;
using FixIt.Infrastructure.Spatial;
using FixIt.Web.Features.Admin;
using Mediator;
using Microsoft.Extensions.Options;

namespace FixIt.Web.Cli;

/// <summary>
/// The administrator's command-line verbs. They run with the service's own configuration and services (no web
/// server, no background work): `FixIt.Web create-api-key --name ci --role admin`.
/// </summary>
internal static class AdminCommands
{
    private static readonly string[] Verbs = ["create-api-key", "revoke-api-key", "import-areas", "import-rules", "import-places", "create-user", "disable-user"];

    public static bool IsVerb(string[] args) => args.Length > 0 && (Verbs.Contains(args[0]) || args[0] is "--help" or "-h" or "-?");

    /// <param name="settings">Extra configuration over the usual sources; tests point the verbs at their database.</param>
    /// <param name="input">Standard input (create-user --password-stdin reads it); the console's when null.</param>
    public static Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, IReadOnlyDictionary<string, string?>? settings = null,
        TextReader? input = null)
    {
        var cli = new CliContext(output, error, settings, input ?? Console.In);
        var root = new RootCommand("FixIt administration. Run without arguments to start the web service.")
        {
            CreateApiKey(cli), RevokeApiKey(cli), ImportAreas(cli), ImportRules(cli), ImportPlaces(cli), StaffCommands.CreateUser(cli),
            StaffCommands.DisableUser(cli),
        };
        return root.Parse(args).InvokeAsync(new InvocationConfiguration { Output = output, Error = error });
    }

    private static Command CreateApiKey(CliContext cli)
    {
        var (output, error) = (cli.Output, cli.Error);
        var name = new Option<string>("--name") { Description = "A name to recognise (and revoke) the key by", Required = true };
        var role = new Option<string>("--role") { Description = "admin, or operator (read-only, one operator)", Required = true };
        role.AcceptOnlyFromAmong("admin", "operator");
        var operatorSlug = new Option<string?>("--operator") { Description = "The operator's slug, for --role operator" };
        var command = new Command("create-api-key", "Create an API key for /api/admin and print it once") { name, role, operatorSlug };
        command.SetAction((parse, ct) => CliHost.RunAsync(cli, async (services, token) =>
        {
            var keyRole = parse.GetValue(role) == "admin" ? ApiKeyRole.Admin : ApiKeyRole.Operator;
            var created = await services.GetRequiredService<IMediator>()
                .Send(new CreateApiKeyCommand(parse.GetValue(name), keyRole, parse.GetValue(operatorSlug)), token);
            await error.WriteLineAsync($"Created API key '{created.Name}' ({created.Role}). It is shown once; store it now:");
            await output.WriteLineAsync(created.Key);
        }, ct));
        return command;
    }

    private static Command RevokeApiKey(CliContext cli)
    {
        var (output, error) = (cli.Output, cli.Error);
        var name = new Option<string>("--name") { Description = "The name the key was created with", Required = true };
        var command = new Command("revoke-api-key", "Revoke an API key; requests with it get 401 from then on") { name };
        command.SetAction((parse, ct) => CliHost.RunAsync(cli, async (services, token) =>
        {
            await services.GetRequiredService<IMediator>().Send(new RevokeApiKeyCommand(parse.GetValue(name)), token);
            await output.WriteLineAsync($"Revoked API key '{parse.GetValue(name)}'.");
        }, ct));
        return command;
    }

    private static Command ImportAreas(CliContext cli)
    {
        var (output, error) = (cli.Output, cli.Error);
        var file = new Argument<FileInfo>("FILE") { Description = "A GeoJSON or TopoJSON FeatureCollection" };
        var kind = new Option<string>("--kind") { Description = "The kind of area, like county or ward", Required = true };
        var nameProperty = new Option<string>("--name-property") { Description = "Feature property holding the name", Required = true };
        var codeProperty = new Option<string>("--code-property") { Description = "Feature property holding the code ('id': the feature id)", Required = true };
        var topoObject = new Option<string?>("--object") { Description = "For TopoJSON: the object to import, if it has several" };
        var skip = new Option<bool>("--skip-rejected") { Description = "Import the good features and list the rejected ones, instead of refusing the file" };
        var command = new Command("import-areas", "Add or replace areas from a GeoJSON or TopoJSON file")
        {
            file, kind, nameProperty, codeProperty, topoObject, skip,
        };
        command.SetAction((parse, ct) => CliHost.RunAsync(cli, async (services, token) =>
        {
            var path = parse.GetValue(file)!;
            await using var stream = OpenOrExplain(path);
            var limits = services.GetRequiredService<IOptions<AdminImportOptions>>().Value.FileLimits();
            var features = await FeatureSource.ReadAsync(stream, limits, parse.GetValue(topoObject), token);
            var result = await services.GetRequiredService<IMediator>().Send(new ImportAreasCommand(features, parse.GetValue(kind),
                parse.GetValue(nameProperty), parse.GetValue(codeProperty), path.Name, parse.GetValue(skip)), token);
            foreach (var rejected in result.Rejected)
            {
                await error.WriteLineAsync($"rejected: {rejected}");
            }

            foreach (var repair in result.Repairs)
            {
                await output.WriteLineAsync(repair);
            }

            await output.WriteLineAsync($"Imported {result.Created + result.Updated} areas ({result.Created} new, {result.Updated} replaced, {result.Repairs.Count} repaired).");
        }, ct));
        return command;
    }

    private static Command ImportRules(CliContext cli)
    {
        var (output, error) = (cli.Output, cli.Error);
        var file = new Argument<FileInfo>("FILE") { Description = $"A CSV file with the header {RuleCsv.Header}" };
        var replace = new Option<bool>("--replace") { Description = "Make the file the whole routing table" };
        var command = new Command("import-rules", "Add routing rules from a CSV file") { file, replace };
        command.SetAction((parse, ct) => CliHost.RunAsync(cli, async (services, token) =>
        {
            var path = parse.GetValue(file)!;
            await using var stream = OpenOrExplain(path);
            var limit = services.GetRequiredService<IOptions<AdminImportOptions>>().Value.MaxFileBytes;
            var rows = await RuleCsv.ReadAsync(stream, limit, token);
            var result = await services.GetRequiredService<IMediator>().Send(new ImportRulesCommand(rows, parse.GetValue(replace)), token);
            await output.WriteLineAsync($"Imported {result.Added} rules{(result.Removed > 0 ? $", replacing {result.Removed}" : "")}.");
        }, ct));
        return command;
    }

    private static Command ImportPlaces(CliContext cli)
    {
        var output = cli.Output;
        var file = new Argument<FileInfo>("FILE")
        {
            Description = $"GeoNames (tab-separated), GTFS stops.txt, or a CSV with the header {PlaceFile.CsvHeader}[,code]",
        };
        var command = new Command("import-places", "Add places to the gazetteer residents search; a file imported again replaces its places") { file };
        command.SetAction((parse, ct) => CliHost.RunAsync(cli, async (services, token) =>
        {
            var path = parse.GetValue(file)!;
            OpenOrExplain(path).Dispose();
            var result = await services.GetRequiredService<IMediator>().Send(
                new ImportPlacesCommand(path.Name, t => PlaceFile.ReadAsync(path.OpenRead, t)), token);
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"Imported {result.Added} places{(result.Replaced > 0 ? $", replacing {result.Replaced} from an earlier import of {path.Name}" : "")}."));
        }, ct));
        return command;
    }

    private static FileStream OpenOrExplain(FileInfo file) =>
        file.Exists ? file.OpenRead() : throw new CliException($"There is no file {file.FullName}.");
}
