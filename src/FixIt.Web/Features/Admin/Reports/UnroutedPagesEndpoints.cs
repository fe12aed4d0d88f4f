using FixIt.Application.Common;
using FixIt.Application.Features.Admin.Operators.ListOperators;
using FixIt.Application.Features.Admin.Reports;
using FixIt.Application.Features.Admin.Reports.AssignReport;
using FixIt.Domain.Moderation;
using FixIt.Web.Features.Admin.SignIn;
using FixIt.Web.Features.EmailLinks;
using FixIt.Web.Features.Moderation;
using FixIt.Web.Infrastructure;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace FixIt.Web.Features.Admin.Reports;

/// <summary>
/// /admin/unrouted: the reports no rule covers (or every candidate declined), on a map and in a list; give one to an operator
/// (<see cref="AssignReportCommand"/>, as POST /api/admin/reports/{id}/assign), or open the dry run with a new rule for its place.
/// </summary>
internal static class UnroutedPagesEndpoints
{
    private const string QueuePage = "/admin/unrouted";

    public static IEndpointRouteBuilder MapUnroutedPages(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/admin/unrouted").ExcludeFromDescription().RequireAuthorization(AdminSignIn.PagePolicy).WithHtmlErrorPages();
        group.MapGet("/", UnroutedPage).WithName(nameof(UnroutedPage));
        group.MapPost("/{id:int}/assign", AssignFromPage).WithName(nameof(AssignFromPage));
        return app;
    }

    public static Task<RazorComponentResult<UnroutedPage>> UnroutedPage(IMediator mediator, IAntiforgery antiforgery, HttpContext context,
        IOptions<MapOptions> map, ConsoleNoticeCookie notice, CancellationToken cancellationToken) =>
        Page(notice.Take(context, QueuePage), [], StatusCodes.Status200OK, mediator, antiforgery, context, map.Value, cancellationToken);

    public static async Task<IResult> AssignFromPage(int id, IMediator mediator, IAntiforgery antiforgery, HttpContext context, IOptions<MapOptions> map,
        ConsoleNoticeCookie notice, IStringLocalizer<ConsolePages> l, CancellationToken cancellationToken)
    {
        var (form, _) = await ConsoleForms.ReadAsync(context, antiforgery, null, cancellationToken);
        if (form is null)
        {
            return LinkPages.FormExpired();
        }

        try
        {
            var assigned = await mediator.Send(new AssignReportCommand(id, ConsoleForms.Text(form, "operator"), StaffActors.From(context.User)),
                cancellationToken);
            return notice.RedirectWith(context, QueuePage, assigned.Sent
                ? l["Report {0} is now with {1}, and has been sent to them.", id, assigned.OperatorName]
                : l["Report {0} is now with {1}; it is sent once it is public (or once they have a contact for it).", id, assigned.OperatorName]);
        }
        catch (ValidationException ex)
        {
            return await Page(null, ConsoleForms.ErrorsOf(ex, new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["operator"] = $"operator-{id}",
                ["Operator"] = $"operator-{id}"
            }, $"operator-{id}"), StatusCodes.Status400BadRequest, mediator, antiforgery, context, map.Value,
                cancellationToken);
        }
        catch (ModerationConflictException ex)
        {
            return await Page(null, ConsoleForms.Error($"operator-{id}", ex.Message), StatusCodes.Status409Conflict, mediator, antiforgery, context,
                map.Value, cancellationToken);
        }
    }

    private static async Task<RazorComponentResult<UnroutedPage>> Page(string? done, Dictionary<string, string[]> errors, int status, IMediator mediator,
        IAntiforgery antiforgery, HttpContext context, MapOptions map, CancellationToken cancellationToken) =>
        new(new
        {
            Reports = await mediator.Send(new ListUnroutedReportsQuery(), cancellationToken),
            Operators = await mediator.Send(new ListOperatorsQuery(AdminCaller.Admin), cancellationToken),
            Done = done,
            Errors = errors,
            Form = LinkPages.FormTokenFor(antiforgery, context),
            Map = map,
        })
        {
            StatusCode = status,
        };
}
