using FixIt.Application.Features.Admin.Operators;
using FixIt.Application.Features.Admin.Operators.ListOperators;
using FixIt.Application.Features.Admin.Operators.MarkContactFixed;
using FixIt.Application.Features.Admin.Operators.SaveOperator;
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
        operators.MapPost("/{slug}/contacts/{id:int}/fixed", MarkOperatorContactFixed).AdminOnly().WithName(nameof(MarkOperatorContactFixed))
            .WithSummary("Mark a bouncing contact as fixed: its address was checked").ProducesProblem(StatusCodes.Status404NotFound);
        return admin;
    }

    public static async Task<NoContent> MarkOperatorContactFixed(string slug, int id, IMediator mediator, CancellationToken cancellationToken)
    {
        await mediator.Send(new MarkContactFixedCommand(slug, id), cancellationToken);
        return TypedResults.NoContent();
    }

    public static async Task<Ok<IReadOnlyList<OperatorView>>> ListOperators(HttpContext context, IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(new ListOperatorsQuery(ApiKeyAuthenticationHandler.Caller(context.User)), cancellationToken));

    public static async Task<Ok<OperatorView>> GetOperator(string slug, HttpContext context, IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok((await mediator.Send(new ListOperatorsQuery(ApiKeyAuthenticationHandler.Caller(context.User), slug), cancellationToken))[0]);

    public static async Task<Ok<OperatorView>> SaveOperator(string slug, OperatorRequest body, IMediator mediator,
        CancellationToken cancellationToken)
    {
        var saved = await mediator.Send(body.ToCommand(slug), cancellationToken);
        return TypedResults.Ok(saved);
    }
}

/// <summary>
/// The JSON body of PUT /api/admin/operators/{slug}; targets default to 5 days (acknowledge) and 28 (fix); no
/// escalationEmail: reports of this operator are reminded but never escalated; isActive false deactivates it.
/// </summary>
internal sealed record OperatorRequest(string? Name, string? Kind, int? AcknowledgeTargetDays, int? FixTargetDays,
    IReadOnlyList<OperatorContactRequest>? Contacts, string? EscalationEmail = null, bool? IsActive = null)
{
    public SaveOperatorCommand ToCommand(string slug) =>
        new(slug, Name, Kind, AcknowledgeTargetDays ?? 5, FixTargetDays ?? 28,
            Contacts?.Select(c => new OperatorContactView(c.Category, c.Email!, c.Cc)).ToList())
        {
            EscalationEmail = EscalationEmail,
            IsActive = IsActive ?? true,
        };
}

/// <summary>One contact: the email for a category (no category: every other one) and an optional cc.</summary>
internal sealed record OperatorContactRequest(string? Category, string? Email, string? Cc);
