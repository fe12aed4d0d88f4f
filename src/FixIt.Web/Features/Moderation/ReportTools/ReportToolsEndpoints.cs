using System.Globalization;
using FixIt.Application.Features.Moderation.EditReport;
using FixIt.Application.Features.Moderation.HideReport;
using FixIt.Application.Features.Moderation.MarkDuplicate;
using FixIt.Domain.Moderation;
using FixIt.Web.Features.EmailLinks;
using FixIt.Web.Infrastructure;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.Extensions.Localization;

namespace FixIt.Web.Features.Moderation.ReportTools;

/// <summary>
/// The moderator tools on a report's page (signed-in admins and moderators only, checked here whatever the page showed):
/// hide and unhide, correct the title and description, mark as a duplicate. The same use cases as the admin API.
/// </summary>
internal static class ReportToolsEndpoints
{
    // The messages of the moderation use cases are English: they are looked up by their English where they are shown.
    private const string GiveOriginal = "Give the number of the original report.";

    public static IEndpointRouteBuilder MapReportTools(this IEndpointRouteBuilder app)
    {
        var tools = app.MapGroup("/reports/{id:int}/moderation").ForModerators().WithHtmlErrorPages().ExcludeFromDescription();
        tools.MapPost("/hide", HideFromPage).WithName(nameof(HideFromPage));
        tools.MapPost("/unhide", UnhideFromPage).WithName(nameof(UnhideFromPage));
        tools.MapPost("/edit", EditFromPage).WithName(nameof(EditFromPage));
        tools.MapPost("/duplicate", DuplicateFromPage).WithName(nameof(DuplicateFromPage));
        return app;
    }

    public static Task<IResult> HideFromPage(int id, IMediator mediator, IAntiforgery antiforgery, HttpContext context, CancellationToken cancellationToken) =>
        ActAsync(id, antiforgery, context, (form, actor) => mediator.Send(new HideReportCommand(id, true, ModerationPages.Field(form, "reason"), actor),
            cancellationToken).AsTask());

    public static Task<IResult> UnhideFromPage(int id, IMediator mediator, IAntiforgery antiforgery, HttpContext context, CancellationToken cancellationToken) =>
        ActAsync(id, antiforgery, context, (form, actor) => mediator.Send(new HideReportCommand(id, false, ModerationPages.Field(form, "reason"), actor),
            cancellationToken).AsTask());

    public static Task<IResult> EditFromPage(int id, IMediator mediator, IAntiforgery antiforgery, HttpContext context, CancellationToken cancellationToken) =>
        ActAsync(id, antiforgery, context, (form, actor) => mediator.Send(new EditReportCommand(id, ModerationPages.Field(form, "reason"), actor)
        {
            Title = ModerationPages.Field(form, "title"),
            Description = ModerationPages.Field(form, "description"),
        }, cancellationToken).AsTask());

    public static Task<IResult> DuplicateFromPage(int id, IMediator mediator, IAntiforgery antiforgery, HttpContext context, CancellationToken cancellationToken) =>
        ActAsync(id, antiforgery, context, (form, actor) =>
            int.TryParse(form["originalId"].ToString().Trim().TrimStart('#'), NumberStyles.None, CultureInfo.InvariantCulture, out var original)
                ? mediator.Send(new MarkDuplicateCommand(id, original, ModerationPages.Field(form, "reason"), actor), cancellationToken).AsTask()
                : throw new ValidationException([new FluentValidation.Results.ValidationFailure("originalId", GiveOriginal)]));

    private static async Task<IResult> ActAsync(int id, IAntiforgery antiforgery, HttpContext context, Func<IFormCollection, StaffActor, Task> act)
    {
        var text = context.RequestServices.GetRequiredService<IStringLocalizer<ModerationStaffPages>>();
        if (!await LinkPages.FormIsGenuineAsync(antiforgery, context))
        {
            return LinkPages.Page(text["Form expired"], text["The form could not be checked (it may have expired). Reload the report's page and try again. Nothing was changed."],
                StatusCodes.Status400BadRequest, id);
        }

        try
        {
            await act(context.Request.Form, StaffActors.From(context.User));
        }
        catch (ValidationException ex)
        {
            return LinkPages.Page(text["Nothing changed"], string.Join(" ", ex.Errors.Select(e => text[e.ErrorMessage].Value)), StatusCodes.Status400BadRequest, id);
        }
        catch (ModerationConflictException ex)
        {
            return LinkPages.Page(text["Nothing changed"], text[ex.Message], StatusCodes.Status409Conflict, id);
        }

        return TypedResults.Redirect($"/reports/{id}", preserveMethod: false);
    }
}
