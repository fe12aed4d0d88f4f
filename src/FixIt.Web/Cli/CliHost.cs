using FixIt.Application;
using FixIt.Application.Common;
using FixIt.Application.Routing;
using FixIt.Infrastructure;
using FixIt.Infrastructure.Persistence;
using FluentValidation;

namespace FixIt.Web.Cli;

/// <summary>A problem with the command line itself (a missing file); printed, exit code 2.</summary>
internal sealed class CliException(string message) : Exception(message);

/// <summary>
/// Builds the app's services with the same configuration sources as the web service (appsettings, environment,
/// user secrets), migrates the database, and runs one verb in a scope. Bad input prints a message and exits 2.
/// </summary>
/// <summary>Where a verb writes, and extra settings over the usual configuration sources (tests use them).</summary>
internal sealed record CliContext(TextWriter Output, TextWriter Error, IReadOnlyDictionary<string, string?>? Settings, TextReader? Input = null);

internal static class CliHost
{
    public static async Task<int> RunAsync(CliContext cli, Func<IServiceProvider, CancellationToken, Task> verb, CancellationToken cancellationToken)
    {
        var error = cli.Error;
        // No command-line arguments reach configuration: "--name" of a verb must not become a setting.
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = [] });
        // Standard output is the verb's answer (KEY=$(... create-api-key ...)): logs go to standard error, warnings
        // and worse only, whatever the Logging section of appsettings says.
        builder.Logging.ClearProviders();
        builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Services.PostConfigure<LoggerFilterOptions>(o =>
        {
            o.Rules.Clear();
            o.MinLevel = LogLevel.Warning;
        });
        builder.Configuration.AddInMemoryCollection(cli.Settings ?? new Dictionary<string, string?>());
        builder.Services.AddFixItApplication();
        builder.Services.AddFixItInfrastructure(builder.Configuration, builder.Environment);
        builder.Services.AddFixItWeb(builder.Configuration);
        await using var app = builder.Build();
        try
        {
            await app.Services.MigrateFixItDatabaseAsync(cancellationToken);
            await using var scope = app.Services.CreateAsyncScope();
            await verb(scope.ServiceProvider, cancellationToken);
            return 0;
        }
        catch (ValidationException ex)
        {
            foreach (var failure in ex.Errors)
            {
                await error.WriteLineAsync($"error: {failure.ErrorMessage}");
            }

            return 2;
        }
        catch (Exception ex) when (ex is ImportFileException or NotFoundException or CliException or InUseException)
        {
            await error.WriteLineAsync($"error: {ex.Message}");
            return 2;
        }
    }
}
