using FixIt.Application.Features.Admin.Rules;
using FixIt.Application.Features.Admin.Rules.CreateRule;
using FixIt.Application.Features.Admin.Rules.DeleteRule;
using FixIt.Application.Features.Admin.Rules.ImportRules;
using FixIt.Application.Features.Admin.Rules.ListRules;
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
}
