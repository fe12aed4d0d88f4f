using FixIt.Application.Abstractions;
using FixIt.Application.Common;
using FixIt.Application.Routing;
using FixIt.Domain.Moderation;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace FixIt.Application.Features.Admin.Rules.ImportRules;

/// <summary>Adds the rules of a CSV file; with Replace, the file becomes the whole routing table. All or nothing.</summary>
public sealed record ImportRulesCommand(IReadOnlyList<RuleRow> Rows, bool Replace) : ICommand<ImportedRules>, IChangesRouting;

public sealed record ImportedRules(int Added, int Removed);

internal sealed class ImportRulesHandler(IFixItDb db, ConfigurationAudit audit) : ICommandHandler<ImportRulesCommand, ImportedRules>
{
    public async ValueTask<ImportedRules> Handle(ImportRulesCommand command, CancellationToken cancellationToken)
    {
        var rules = await RuleRowResolver.ResolveAsync(db, command.Rows, cancellationToken);
        var removed = command.Replace ? await db.RoutingRules.ExecuteDeleteAsync(cancellationToken) : 0;
        db.RoutingRules.AddRange(rules);
        audit.Record(AuditActions.ImportRules, command.Replace ? "routing table (replaced)" : "routing table",
            after: new Dictionary<string, object?> { ["added"] = rules.Count, ["removed"] = removed, ["replace"] = command.Replace });
        await db.SaveChangesAsync(cancellationToken);
        await db.BumpRoutingVersionAsync(cancellationToken);
        return new ImportedRules(rules.Count, removed);
    }
}

internal sealed class ImportRulesValidator : AbstractValidator<ImportRulesCommand>
{
    public ImportRulesValidator() => RuleFor(c => c.Rows).NotEmpty().WithMessage(_ => AdminText.Get("The file has no rules."));
}
