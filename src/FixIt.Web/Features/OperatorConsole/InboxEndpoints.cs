using System.Globalization;
using FixIt.Application.Features.Areas.ListAreaChoices;
using FixIt.Application.Features.Categories.ListCategories;
using FixIt.Application.Features.OperatorConsole;
using FixIt.Application.Features.OperatorConsole.AcknowledgeReports;
using FixIt.Application.Features.Operators.FindOperator;
using FixIt.Web.Features.Admin;
using FixIt.Web.Features.EmailLinks;
using FixIt.Web.Infrastructure;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace FixIt.Web.Features.OperatorConsole;

/// <summary>
/// The operator console (issue 15 items 8–10) for operator staff and admins, under /operator: the choice of operator, the
/// inbox (list and map of one filter) and its bulk acknowledge. The report page, templates and figures are in their own files.
/// </summary>
internal static class InboxEndpoints
{
    public static IEndpointRouteBuilder MapOperatorConsole(this IEndpointRouteBuilder app)
    {
        var console = app.MapGroup("/operator").ExcludeFromDescription().RequireConsoleStaff().WithHtmlErrorPages();
        console.MapGet("", ConsoleHome).WithName(nameof(ConsoleHome));
        console.MapGet("/{slug}", Inbox).WithName(nameof(Inbox));
        console.MapPost("/{slug}/acknowledge", Acknowledge).WithName(nameof(Acknowledge));
        console.MapConsoleReport().MapResponseTemplates().MapConsoleFigures();
        return app;
    }

    /// <summary>Straight to the inbox for staff of one operator; otherwise the list of operators they may open.</summary>
    public static async Task<IResult> ConsoleHome(HttpContext context, IMediator mediator, CancellationToken cancellationToken)
    {
        var operators = await mediator.Send(new ConsoleOperatorsQuery(OperatorConsoleAccess.Caller(context)), cancellationToken);
        return operators.Count == 1
            ? TypedResults.Redirect($"/operator/{operators[0].Slug}", preserveMethod: false)
            : new RazorComponentResult<ConsoleHomePage>(new { Operators = operators });
    }

    public static async Task<IResult> Inbox(string slug, HttpContext context, IMediator mediator, IAntiforgery antiforgery, IOptions<MapOptions> map,
        IStringLocalizer<OperatorConsolePages> text, CancellationToken cancellationToken)
    {
        var op = await mediator.Send(new ConsoleOperatorQuery(slug, OperatorConsoleAccess.Caller(context)), cancellationToken);
        var filters = InboxFilters.Read(context.Request.Query);
        var query = context.Request.Query;
        var done = int.TryParse(query["acknowledged"], NumberStyles.None, CultureInfo.InvariantCulture, out var acknowledged)
            ? Acknowledged(acknowledged, int.TryParse(query["skipped"], NumberStyles.None, CultureInfo.InvariantCulture, out var skipped) ? skipped : 0, text)
            : query["done"] == "declined" ? text["The report is no longer yours: it has been sent on (or to the unrouted list), with your reason on its page."].Value : null;
        return await PageAsync(op, filters, mediator, antiforgery, context, map.Value, done, [], StatusCodes.Status200OK, cancellationToken);
    }

    public static async Task<IResult> Acknowledge(string slug, HttpContext context, IMediator mediator, IAntiforgery antiforgery,
        IOptions<MapOptions> map, IStringLocalizer<OperatorConsolePages> text, CancellationToken cancellationToken)
    {
        if (!await LinkPages.FormIsGenuineAsync(antiforgery, context))
        {
            return LinkPages.FormExpired();
        }

        var caller = OperatorConsoleAccess.Caller(context);
        var op = await mediator.Send(new ConsoleOperatorQuery(slug, caller), cancellationToken);
        var form = await context.Request.ReadFormAsync(cancellationToken);
        var filters = InboxFilters.Read(form);
        var ids = form["id"].Select(v => int.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : 0).ToList();
        if (ids.Contains(0))
        {
            return await PageAsync(op, filters, mediator, antiforgery, context, map.Value, null,
                new() { ["bulk-id"] = [text["A ticked report's number could not be read."]] }, StatusCodes.Status400BadRequest, cancellationToken);
        }

        try
        {
            var result = await mediator.Send(new AcknowledgeReportsCommand(op.Id, ids, caller), cancellationToken);
            var back = filters.Link(slug);
            return TypedResults.Redirect($"{back}{(back.Contains('?', StringComparison.Ordinal) ? '&' : '?')}acknowledged={result.Acknowledged.Count}&skipped={result.Skipped.Count}",
                preserveMethod: false);
        }
        catch (ValidationException ex)
        {
            return await PageAsync(op, filters, mediator, antiforgery, context, map.Value, null, ConsoleForms.ErrorsOf(ex, _ => "bulk-id"), StatusCodes.Status400BadRequest,
                cancellationToken);
        }
    }

    private static string Acknowledged(int count, int skipped, IStringLocalizer<OperatorConsolePages> text) =>
        (count == 1 ? text["1 report acknowledged."] : text["{0} reports acknowledged.", count.ToString(CultureInfo.InvariantCulture)])
        + (skipped > 0 ? " " + text["{0} left as they were: their status is already past acknowledged.", skipped.ToString(CultureInfo.InvariantCulture)] : "");

    private static async Task<IResult> PageAsync(Application.Features.Operators.GetOperatorFigures.OperatorInfo op, InboxFilters filters, IMediator mediator,
        IAntiforgery antiforgery, HttpContext context, MapOptions map, string? done, Dictionary<string, string[]> errors, int status,
        CancellationToken cancellationToken)
    {
        var operatorAreas = (await mediator.Send(new FindOperatorQuery(op.Slug), cancellationToken)).Areas.Select(a => a.Id).ToHashSet();
        var areas = (await mediator.Send(new ListAreaChoicesQuery(), cancellationToken)).Where(a => operatorAreas.Contains(a.Id)).ToList();
        return new RazorComponentResult<InboxPage>(new
        {
            Operator = op,
            Filters = filters,
            Result = await mediator.Send(filters.ToQuery(op), cancellationToken),
            Categories = await mediator.Send(new ListCategoriesQuery(), cancellationToken),
            Areas = areas,
            Map = map,
            Form = LinkPages.FormTokenFor(antiforgery, context),
            Done = done,
            Errors = errors,
        })
        {
            StatusCode = status,
        };
    }
}
