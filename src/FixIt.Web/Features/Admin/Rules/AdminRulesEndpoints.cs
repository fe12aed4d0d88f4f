using FixIt.Application.Features.Admin.Rules;
using FixIt.Application.Features.Admin.Rules.CreateRule;
using FixIt.Application.Features.Admin.Rules.DeleteRule;
using FixIt.Application.Features.Admin.Rules.ImportRules;
using FixIt.Application.Features.Admin.Rules.ListRules;
using FixIt.Application.Features.Admin.Rules.PreviewRuleImport;
using FixIt.Application.Features.Admin.Rules.RetireRule;
using FixIt.Application.Features.Admin.Rules.UpdateRule;
using FixIt.Application.Features.Routing.ExplainRoutingChange;
using FixIt.Infrastructure.Spatial;
using FixIt.Web.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace FixIt.Web.Features.Admin.Rules;

internal static class AdminRulesEndpoints
{
    public static RouteGroupBuilder MapAdminRules(this RouteGroupBuilder admin)
    {
        var rules = admin.MapGroup("/rules").WithTags("Admin: routing rules");
        rules.MapGet("/", ListRules).WithName(nameof(ListRules)).WithSummary("The routing table (an operator key sees its own rules)");
        rules.MapPost("/", CreateRule).AdminOnly().WithName(nameof(CreateRule)).WithSummary("Add a routing rule").ProducesValidationProblem();
        rules.MapPut("/{id:int}", UpdateRule).AdminOnly().WithName(nameof(UpdateRule)).WithSummary("Change a routing rule").ProducesValidationProblem();
        rules.MapPost("/{id:int}/retire", RetireRule).AdminOnly().WithName(nameof(RetireRule))
            .WithSummary("End a routing rule now (one not started yet is deleted)").ProducesProblem(StatusCodes.Status409Conflict);
        rules.MapPost("/import/preview", PreviewRuleImport).AdminOnly().WithName(nameof(PreviewRuleImport))
            .WithSummary("What an import of the CSV body would add and remove, without saving").ProducesValidationProblem();
        rules.MapPost("/dry-run", DryRunRuleChange).AdminOnly().WithName(nameof(DryRunRuleChange))
            .WithSummary("Routing at a point before and after a rule change that is not saved").ProducesValidationProblem();
        rules.MapDelete("/{id:int}", DeleteRule).AdminOnly().WithName(nameof(DeleteRule)).WithSummary("Remove a routing rule");
        rules.MapPost("/import", ImportRules).AdminOnly().WithName(nameof(ImportRules))
            .WithSummary("Add rules from a CSV body (replace=true makes it the whole table)").ProducesValidationProblem();
        return admin;
    }

    public static async Task<Ok<IReadOnlyList<RuleView>>> ListRules(HttpContext context, IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(new ListRulesQuery(ApiKeyAuthenticationHandler.Caller(context.User)), cancellationToken));

    public static async Task<Created<RuleView>> CreateRule(CreateRuleRequest body, IMediator mediator, CancellationToken cancellationToken)
    {
        var rule = await mediator.Send(body.ToCommand(), cancellationToken);
        return TypedResults.Created($"/api/admin/rules/{rule.Id}", rule);
    }

    public static async Task<Ok<RuleView>> UpdateRule(int id, CreateRuleRequest body, IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(body.ToUpdate(id), cancellationToken));

    public static async Task<Results<Ok<RuleView>, NoContent>> RetireRule(int id, IMediator mediator, CancellationToken cancellationToken) =>
        await mediator.Send(new RetireRuleCommand(id), cancellationToken) is { } rule ? TypedResults.Ok(rule) : TypedResults.NoContent();

    public static async Task<Ok<RuleImportPreview>> PreviewRuleImport(bool? replace, HttpRequest request, IOptions<AdminImportOptions> options,
        IMediator mediator, CancellationToken cancellationToken)
    {
        var rows = await RuleCsv.ReadAsync(request.Body, options.Value.MaxFileBytes, cancellationToken);
        return TypedResults.Ok(await mediator.Send(new PreviewRuleImportQuery(rows, replace ?? false), cancellationToken));
    }

    public static async Task<Ok<RoutingChangeExplanation>> DryRunRuleChange(DryRunRequest body, IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(new ExplainRoutingChangeQuery(body.Latitude, body.Longitude, body.Category,
            new PendingRuleChange(body.RuleId, body.Retire, body.Rule?.AreaKind, body.Rule?.AreaCode, body.Rule?.Category, body.Rule?.Operator,
                body.Rule?.Priority ?? 0, body.Rule?.ActiveFrom, body.Rule?.ActiveTo)), cancellationToken));

    public static async Task<NoContent> DeleteRule(int id, IMediator mediator, CancellationToken cancellationToken)
    {
        await mediator.Send(new DeleteRuleCommand(id), cancellationToken);
        return TypedResults.NoContent();
    }

    public static async Task<Ok<ImportedRules>> ImportRules(bool? replace, HttpRequest request, IOptions<AdminImportOptions> options,
        IMediator mediator, CancellationToken cancellationToken)
    {
        var rows = await RuleCsv.ReadAsync(request.Body, options.Value.MaxFileBytes, cancellationToken);
        var result = await mediator.Send(new ImportRulesCommand(rows, replace ?? false), cancellationToken);
        return TypedResults.Ok(result);
    }
}

/// <summary>The JSON body of POST /api/admin/rules (see docs/routing.md); no area means anywhere, no category any category.</summary>
internal sealed record CreateRuleRequest(string? AreaKind, string? AreaCode, string? Category, string? Operator, int Priority,
    DateTimeOffset? ActiveFrom, DateTimeOffset? ActiveTo)
{
    public CreateRuleCommand ToCommand() => new(AreaKind, AreaCode, Category, Operator, Priority, ActiveFrom, ActiveTo);

    public UpdateRuleCommand ToUpdate(int id) => new(id, AreaKind, AreaCode, Category, Operator, Priority, ActiveFrom, ActiveTo);
}

/// <summary>
/// The JSON body of POST /api/admin/rules/dry-run: a point, a category (optional), and the pending change: Rule (as for a new
/// rule) alone adds it, with RuleId it replaces that rule, and Retire with RuleId ends that rule.
/// </summary>
internal sealed record DryRunRequest(double? Latitude, double? Longitude, string? Category, int? RuleId, bool Retire, CreateRuleRequest? Rule);
