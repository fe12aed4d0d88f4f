using FixIt.Application.Features.Moderation.DismissFlags;
using FixIt.Application.Features.Moderation.HideReport;
using FixIt.Application.Features.Moderation.HideUpdate;
using FixIt.Application.Features.Moderation.ListFlags;
using FixIt.Domain.Moderation;
using FixIt.Web.Features.EmailLinks;
using FixIt.Web.Infrastructure;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;

namespace FixIt.Web.Features.Moderation.ListFlags;

/// <summary>
/// The moderation queue page, /admin/flags, for signed-in admins and moderators: flagged items, most-flagged first, each
/// with one form to dismiss its flags or hide it (the moderation use cases the admin API sends too).
/// </summary>
internal static class FlagQueueEndpoints
{
    public static IEndpointRouteBuilder MapFlagQueue(this IEndpointRouteBuilder app)
    {
        var pages = app.MapGroup("/admin/flags").ForModerators().WithHtmlErrorPages().ExcludeFromDescription();
        pages.MapGet("", FlagQueuePage).WithName(nameof(FlagQueuePage));
        pages.MapPost("/reports/{id:int}", ActOnFlaggedReport).WithName(nameof(ActOnFlaggedReport));
        pages.MapPost("/reports/{id:int}/updates/{updateId:long}", ActOnFlaggedUpdate).WithName(nameof(ActOnFlaggedUpdate));
        return app;
    }

    public static async Task<RazorComponentResult<FlagQueuePage>> FlagQueuePage(string? done, IMediator mediator, IAntiforgery antiforgery,
        HttpContext context, IStringLocalizer<ModerationStaffPages> text, CancellationToken cancellationToken) =>
        new(new
        {
            Queue = await mediator.Send(new ListFlagsQuery(), cancellationToken),
            Form = LinkPages.FormTokenFor(antiforgery, context),
            Done = done switch
            {
                "dismissed" => text["The flags were dismissed; the item stays as it is."].Value,
                "hidden" => text["The item was hidden from the public."].Value,
                _ => null,
            },
        });

    public static Task<IResult> ActOnFlaggedReport(int id, IMediator mediator, IAntiforgery antiforgery, HttpContext context,
        IStringLocalizer<ModerationStaffPages> text, CancellationToken cancellationToken) => ActAsync(id, null, mediator, antiforgery, context, text, cancellationToken);

    public static Task<IResult> ActOnFlaggedUpdate(int id, long updateId, IMediator mediator, IAntiforgery antiforgery, HttpContext context,
        IStringLocalizer<ModerationStaffPages> text, CancellationToken cancellationToken) => ActAsync(id, updateId, mediator, antiforgery, context, text, cancellationToken);

    private static async Task<IResult> ActAsync(int id, long? updateId, IMediator mediator, IAntiforgery antiforgery, HttpContext context,
        IStringLocalizer<ModerationStaffPages> text, CancellationToken cancellationToken)
    {
        if (!await LinkPages.FormIsGenuineAsync(antiforgery, context))
        {
            return LinkPages.Page(text["Form expired"], text["The form could not be checked (it may have expired). Reload the queue and try again. Nothing was changed."],
                StatusCodes.Status400BadRequest);
        }

        var form = context.Request.Form;
        var actor = StaffActors.From(context.User);
        var reason = ModerationPages.Field(form, "reason");
        try
        {
            switch (form["do"].ToString())
            {
                case "dismiss":
                    await mediator.Send(new DismissFlagsCommand(id, updateId, reason, actor), cancellationToken);
                    return TypedResults.Redirect("/admin/flags?done=dismissed");
                case "hide" when updateId is { } update:
                    await mediator.Send(new HideUpdateCommand(id, update, true, reason, actor), cancellationToken);
                    return TypedResults.Redirect("/admin/flags?done=hidden");
                case "hide":
                    await mediator.Send(new HideReportCommand(id, true, reason, actor), cancellationToken);
                    return TypedResults.Redirect("/admin/flags?done=hidden");
                default:
                    return LinkPages.Page(text["Nothing changed"], text["Choose to dismiss the flags or to hide the item."], StatusCodes.Status400BadRequest);
            }
        }
        catch (ValidationException ex)
        {
            return LinkPages.Page(text["Nothing changed"], string.Join(" ", ex.Errors.Select(e => text[e.ErrorMessage].Value)), StatusCodes.Status400BadRequest);
        }
        catch (ModerationConflictException ex)
        {
            return LinkPages.Page(text["Nothing changed"], text[ex.Message], StatusCodes.Status409Conflict, id);
        }
    }
}
