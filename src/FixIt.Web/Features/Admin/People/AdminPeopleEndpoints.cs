using System.Security.Claims;
using FixIt.Application.Features.Privacy.ErasePerson;
using FixIt.Application.Features.Privacy.ExportPersonData;
using FixIt.Application.Features.Privacy.HideMyName;
using FixIt.Domain.Privacy;
using FixIt.Web.Features.Moderation;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace FixIt.Web.Features.Admin.People;

/// <summary>
/// A resident's "My reports" actions, done by an admin on their behalf (a request by letter or phone): the same use
/// cases, with the admin's reason. Export and erase answer alike whether or not the address has anything.
/// </summary>
internal static class AdminPeopleEndpoints
{
    public static RouteGroupBuilder MapAdminPeople(this RouteGroupBuilder admin)
    {
        var people = admin.MapGroup("/people").WithTags("Admin: people");
        people.MapPost("/export", ExportPerson).AdminOnly().WithName(nameof(ExportPerson))
            .WithSummary("Everything held linked to an email address (subject access): reports, updates, subscriptions, emails sent")
            .ProducesValidationProblem();
        people.MapPost("/erase", ErasePerson).AdminOnly().WithName(nameof(ErasePerson))
            .WithSummary("Erase a person's name and contact details everywhere; the reports stay, anonymised")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        people.MapPost("/hide-name", HidePersonName).AdminOnly().WithName(nameof(HidePersonName))
            .WithSummary("Hide a person's name on every report and update they made")
            .ProducesValidationProblem();
        return admin;
    }

    public static async Task<Ok<PersonExport>> ExportPerson(PersonRequest body, ClaimsPrincipal user, IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(new ExportPersonDataQuery(body.Email ?? "", body.Reason ?? "", StaffActors.From(user)), cancellationToken));

    public static async Task<Ok<ErasedPerson>> ErasePerson(ErasePersonRequest body, ClaimsPrincipal user, IMediator mediator,
        CancellationToken cancellationToken)
    {
        var done = await mediator.Send(new ErasePersonCommand(body.Email ?? "", body.RemovePhotos, ErasureRequester.Admin, body.Reason ?? "",
            StaffActors.From(user)), cancellationToken);
        return TypedResults.Ok(new ErasedPerson("erased", done.ErasedAt));
    }

    public static async Task<Ok<NameHidden>> HidePersonName(PersonRequest body, ClaimsPrincipal user, IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok(new NameHidden(await mediator.Send(new HideMyNameCommand(body.Email ?? "", null, body.Reason ?? "", StaffActors.From(user)),
            cancellationToken)));
}

/// <param name="Reason">Why this is done on the person's behalf (a request's reference); required.</param>
internal sealed record PersonRequest(string? Email, string? Reason);

internal sealed record ErasePersonRequest(string? Email, string? Reason, bool RemovePhotos = false);

internal sealed record ErasedPerson(string Status, DateTimeOffset ErasedAt);

internal sealed record NameHidden(int ReportsChanged);
