using FixIt.Application.Abstractions;
using FixIt.Application.Features.Admin.Rules.ImportRules;
using FixIt.Application.Routing;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace FixIt.Application.Features.Admin.Rules.PreviewRuleImport;

/// <summary>
/// What <see cref="ImportRulesCommand"/> would do with the same rows, without saving: the rules it would add (each row
/// resolved by the same <see cref="RuleRowResolver"/>, so a bad line is the same 400) and, with Replace, those it would remove.
/// </summary>
public sealed record PreviewRuleImportQuery(IReadOnlyList<RuleRow> Rows, bool Replace) : IQuery<RuleImportPreview>;

/// <summary>Added rules have id 0; Duplicate: an identical rule is already in the table (and stays, unless Replace).</summary>
public sealed record RuleImportPreview(IReadOnlyList<PreviewedRule> Added, IReadOnlyList<RuleView> Removed);

public sealed record PreviewedRule(int Line, RuleView Rule, bool Duplicate);

internal sealed class PreviewRuleImportHandler(IFixItDb db) : IQueryHandler<PreviewRuleImportQuery, RuleImportPreview>
{
    public async ValueTask<RuleImportPreview> Handle(PreviewRuleImportQuery query, CancellationToken cancellationToken)
    {
        var rules = await RuleRowResolver.ResolveAsync(db, query.Rows, cancellationToken);
        var existing = await RuleViews.ListAsync(db, r => true, cancellationToken);
        var areas = await db.Areas.AsNoTracking().Select(a => new { a.Id, a.Name }).ToDictionaryAsync(a => a.Id, a => a.Name, cancellationToken);
        var added = rules.Zip(query.Rows, (rule, row) =>
        {
            var view = new RuleView(0, rule.AreaId, Blank(row.AreaKind), Blank(row.AreaCode), rule.AreaId is { } a ? areas[a] : null,
                Blank(row.Category), row.Operator!.Trim(), rule.Priority, rule.ActiveFrom, rule.ActiveTo);
            var duplicate = existing.Exists(e => e with { Id = 0 } == view);
            return new PreviewedRule(row.Line, view, duplicate);
        });
        return new RuleImportPreview([.. added], query.Replace ? existing : []);
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

internal sealed class PreviewRuleImportValidator : AbstractValidator<PreviewRuleImportQuery>
{
    public PreviewRuleImportValidator() => RuleFor(c => c.Rows).NotEmpty().WithMessage(_ => AdminText.Get("The file has no rules."));
}
