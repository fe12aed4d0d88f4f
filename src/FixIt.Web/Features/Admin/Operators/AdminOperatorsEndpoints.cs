using FixIt.Application.Features.Admin.Operators;
using FixIt.Web.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace FixIt.Web.Features.Admin.Operators;

internal static class AdminOperatorsEndpoints
{
    public static RouteGroupBuilder MapAdminOperators(this RouteGroupBuilder admin)
    {
        var operators = admin.MapGroup("/operators").WithTags("Admin: operators");
        operators.MapGet("/", ListOperators).WithName(nameof(ListOperators)).WithSummary("Operators and their contacts");
        operators.MapGet("/{slug}", GetOperator).WithName(nameof(GetOperator)).WithSummary("One operator and its contacts");
        operators.MapPut("/{slug}", SaveOperator).AdminOnly().WithName(nameof(SaveOperator))
            .WithSummary("Create or replace an operator and its contacts").ProducesValidationProblem();
        return admin;
    }

    public static async Task<Ok<IReadOnlyList<OperatorView>>> ListOperators(HttpContext context, IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(new ListOperatorsQuery(ApiKeyAuthenticationHandler.Caller(context.User)), cancellationToken));

    public static async Task<Ok<OperatorView>> GetOperator(string slug, HttpContext context, IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok((await mediator.Send(new ListOperatorsQuery(ApiKeyAuthenticationHandler.Caller(context.User), slug), cancellationToken))[0]);

    public static async Task<Ok<OperatorView>> SaveOperator(string slug, OperatorRequest body, IMediator mediator,
        CancellationToken cancellationToken)
    {
        var saved = await mediator.Send(new SaveOperatorCommand(slug, body.Name, body.Kind, body.AcknowledgeTargetDays ?? 5, body.FixTargetDays ?? 28,
            body.Contacts), cancellationToken);
        return TypedResults.Ok(saved);
    }
}

internal sealed record OperatorRequest(string? Name, string? Kind, int? AcknowledgeTargetDays, int? FixTargetDays,
    IReadOnlyList<OperatorContactView>? Contacts);
