using System.CommandLine;
using FixIt.Application.Common;
using FixIt.Domain.Moderation;
using FixIt.Infrastructure.Staff;

namespace FixIt.Web.Cli;

/// <summary>The verbs for staff accounts: the first admin is made with create-user (docs/moderation.md, "First admin").</summary>
internal static class StaffCommands
{
    public static Command CreateUser(CliContext cli)
    {
        var email = new Option<string>("--email") { Description = "The person's email address (they sign in with it)", Required = true };
        var role = new Option<string>("--role") { Description = "admin, moderator, or operator (staff of one or more operators)", Required = true };
        role.AcceptOnlyFromAmong([.. StaffRoles.All]);
        var operators = new Option<string[]>("--operator")
        {
            Description = "For --role operator: the operator's slug (repeat for several)",
            AllowMultipleArgumentsPerToken = false,
        };
        var passwordStdin = new Option<bool>("--password-stdin") { Description = "Set the password read from standard input instead of printing an invitation link" };
        var command = new Command("create-user", "Create a staff account and print its single-use link to choose a password (once)")
        {
            email, role, operators, passwordStdin,
        };
        command.SetAction((parse, ct) => CliHost.RunAsync(cli, async (services, token) =>
        {
            string? password = null;
            if (parse.GetValue(passwordStdin))
            {
                password = (await (cli.Input ?? Console.In).ReadLineAsync(token))?.TrimEnd('\r', '\n');
                if (string.IsNullOrEmpty(password))
                {
                    throw new CliException("--password-stdin: nothing was read from standard input.");
                }
            }

            var accounts = services.GetRequiredService<StaffAccounts>();
            var link = await accounts.CreateAsync(parse.GetValue(email)!, parse.GetValue(role)!, parse.GetValue(operators) ?? [], password,
                emailInvitation: false, new StaffActor(StaffActorKind.CommandLine, "create-user", "command line"), token);
            if (link is null)
            {
                await cli.Output.WriteLineAsync($"Created {parse.GetValue(role)} account {parse.GetValue(email)}; it can sign in at /admin/sign-in.");
                return;
            }

            await cli.Error.WriteLineAsync($"Created {parse.GetValue(role)} account {parse.GetValue(email)}. Give the person this link to choose "
                + "their password; it is shown once, works once, and expires:");
            await cli.Output.WriteLineAsync(link);
        }, ct));
        return command;
    }

    public static Command DisableUser(CliContext cli)
    {
        var email = new Option<string>("--email") { Description = "The staff account's email address", Required = true };
        var command = new Command("disable-user", "Disable a staff account: it cannot sign in, and its sessions end") { email };
        command.SetAction((parse, ct) => CliHost.RunAsync(cli, async (services, token) =>
        {
            var member = await services.GetRequiredService<StaffAccounts>().DisableAsync(parse.GetValue(email)!,
                new StaffActor(StaffActorKind.CommandLine, "disable-user", "command line"), token);
            await cli.Output.WriteLineAsync($"Disabled {member.Role} account {member.Email}.");
        }, ct));
        return command;
    }
}
