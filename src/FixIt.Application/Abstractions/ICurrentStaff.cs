using FixIt.Domain.Moderation;

namespace FixIt.Application.Abstractions;

/// <summary>
/// Who is behind the command being handled, for the audit log of the configuration use cases (operators, categories,
/// rules, areas, API keys, response templates, mail resends): the signed-in staff account or the admin API key of the
/// request, else the command line (ADR 0208). Moderation commands still carry their actor in the command.
/// </summary>
public interface ICurrentStaff
{
    StaffActor Actor { get; }
}

/// <summary>Outside a web request (the command-line verbs): the command line is the actor.</summary>
internal sealed class CommandLineStaff : ICurrentStaff
{
    public StaffActor Actor { get; } = new(StaffActorKind.CommandLine, "fixit-cli", "command line");
}
