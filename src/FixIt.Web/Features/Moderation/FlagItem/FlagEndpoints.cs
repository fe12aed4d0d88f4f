using FixIt.Application.Common;
using FixIt.Application.Features.Moderation;
using FixIt.Application.Features.Moderation.FlagItem;
using FixIt.Application.Features.Reports.GetReport;
using FixIt.Web.Features.EmailLinks;
using FixIt.Web.Infrastructure;
using FixIt.Web.Infrastructure.RateLimiting;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.HttpResults;

namespace FixIt.Web.Features.Moderation.FlagItem;

/// <summary>"Report this as inappropriate" on a report or one of its updates: a short form, no account, rate-limited (ADR 0155).</summary>
internal static class FlagEndpoints
{
    private const string Thanks = "Thank you. The moderators will look at it and take it down if it breaks the site's rules. "
        + "We do not tell anyone who asked, and we keep nothing that says who you are.";

    public static IEndpointRouteBuilder MapFlagPages(this IEndpointRouteBuilder app)
    {
        var pages = app.MapGroup("/reports/{id:int}").WithHtmlErrorPages().ExcludeFromDescription();
        pages.MapGet("/flag", FlagReportForm).WithName(nameof(FlagReportForm));
        pages.MapGet("/updates/{updateId:long}/flag", FlagUpdateForm).WithName(nameof(FlagUpdateForm));
        pages.MapPost("/flag", FlagReport).WithName(nameof(FlagReport)).RequireRateLimiting(RateLimitPolicies.Flag);
        pages.MapPost("/updates/{updateId:long}/flag", FlagUpdate).WithName(nameof(FlagUpdate)).RequireRateLimiting(RateLimitPolicies.Flag);
        return app;
    }

    public static Task<RazorComponentResult<FlagFormPage>> FlagReportForm(int id, IMediator mediator, IAntiforgery antiforgery, HttpContext context,
        CancellationToken cancellationToken) => FormAsync(id, null, mediator, antiforgery, context, null, cancellationToken);

    public static Task<RazorComponentResult<FlagFormPage>> FlagUpdateForm(int id, long updateId, IMediator mediator, IAntiforgery antiforgery,
        HttpContext context, CancellationToken cancellationToken) => FormAsync(id, updateId, mediator, antiforgery, context, null, cancellationToken);

    public static Task<IResult> FlagReport(int id, IMediator mediator, IAntiforgery antiforgery, FlagOverallLimiter overall, HttpContext context,
        CancellationToken cancellationToken) => FlagAsync(id, null, mediator, antiforgery, overall, context, cancellationToken);

    public static Task<IResult> FlagUpdate(int id, long updateId, IMediator mediator, IAntiforgery antiforgery, FlagOverallLimiter overall,
        HttpContext context, CancellationToken cancellationToken) => FlagAsync(id, updateId, mediator, antiforgery, overall, context, cancellationToken);

    private static async Task<IResult> FlagAsync(int id, long? updateId, IMediator mediator, IAntiforgery antiforgery, FlagOverallLimiter overall,
        HttpContext context, CancellationToken cancellationToken)
    {
        if (overall.Refuse(context) is { } tooMany)
        {
            return tooMany;
        }

        if (!await LinkPages.FormIsGenuineAsync(antiforgery, context))
        {
            return LinkPages.Page("Form expired", "The form could not be checked (it may have expired). Go back, reload the page and try again.",
                StatusCodes.Status400BadRequest, id);
        }

        var form = context.Request.Form;
        if (Honeypot.Caught(form, context))
        {
            return LinkPages.Page("Thank you", Thanks, StatusCodes.Status200OK, id);
        }

        var reason = FlagReasons.FromSlug(form["reason"]);
        var details = form["details"].ToString();
        try
        {
            await mediator.Send(new FlagItemCommand(id, updateId, reason, string.IsNullOrWhiteSpace(details) ? null : details,
                ClientPartition.For(context)), cancellationToken);
            return LinkPages.Page("Thank you", Thanks, StatusCodes.Status200OK, id);
        }
        catch (ValidationException ex)
        {
            var page = await FormAsync(id, updateId, mediator, antiforgery, context, new FlagFormInput(form["reason"], details,
                ex.Errors.ToDictionary(e => e.PropertyName.ToLowerInvariant(), e => e.ErrorMessage, StringComparer.Ordinal)), cancellationToken);
            page.StatusCode = StatusCodes.Status400BadRequest;
            return page;
        }
    }

    private static async Task<RazorComponentResult<FlagFormPage>> FormAsync(int id, long? updateId, IMediator mediator, IAntiforgery antiforgery,
        HttpContext context, FlagFormInput? input, CancellationToken cancellationToken)
    {
        var report = await mediator.Send(new GetReportQuery(id), cancellationToken);
        var update = updateId is { } u ? report.Events.SingleOrDefault(e => e.Id == u) ?? throw new NotFoundException("Update", u) : null;
        return new RazorComponentResult<FlagFormPage>(new
        {
            Report = report, Update = update, Form = LinkPages.FormTokenFor(antiforgery, context), Input = input ?? FlagFormInput.Empty,
        });
    }
}

/// <summary>What was typed into the flag form, and each field's error (by the command's property name, lower case).</summary>
public sealed record FlagFormInput(string? Reason, string? Details, IReadOnlyDictionary<string, string> Errors)
{
    public static readonly FlagFormInput Empty = new(null, null, new Dictionary<string, string>());
}
