using FixIt.Application.Common;
using FixIt.Application.Features.Moderation.BlockSender;
using FixIt.Application.Features.Moderation.ListBlockedSenders;
using FixIt.Application.Features.Moderation.UnblockSender;
using FixIt.Domain.Moderation;
using FixIt.Infrastructure.Staff;
using FixIt.Web.Features.Admin.SignIn;
using FixIt.Web.Features.EmailLinks;
using FixIt.Web.Features.Staff.List;
using FixIt.Web.Infrastructure;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace FixIt.Web.Features.Moderation;

/// <summary>
/// /admin/blocked-senders for admins signed in at /admin/sign-in: the block list, a form to add to it, and a button per
/// entry to remove it, which needs the password typed in the last five minutes (<c>/admin/reauthenticate</c>).
/// </summary>
internal static class BlockedSendersPagesEndpoints
{
    private const string Path = "/admin/blocked-senders";

    public static IEndpointRouteBuilder MapBlockedSenderPages(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup(Path).ExcludeFromDescription().RequireAuthorization(AdminSignIn.PagePolicy);
        HtmlErrorPagesExtensions.WithHtmlErrorPages(group);
        group.MapGet("", BlockedSendersPage).WithName(nameof(BlockedSendersPage));
        group.MapPost("", BlockFromPage).WithName(nameof(BlockFromPage));
        group.MapPost("/unblock", UnblockFromPage).WithName(nameof(UnblockFromPage));
        return app;
    }

    public static Task<RazorComponentResult<BlockedSendersPage>> BlockedSendersPage(IMediator mediator, IAntiforgery antiforgery, HttpContext context,
        CancellationToken cancellationToken) =>
        RenderAsync(mediator, antiforgery, context, new BlockListPageState(), cancellationToken);

    public static async Task<IResult> BlockFromPage(IMediator mediator, IAntiforgery antiforgery, HttpContext context, IStringLocalizer<ModerationStaffPages> text,
        CancellationToken cancellationToken)
    {
        if (!await LinkPages.FormIsGenuineAsync(antiforgery, context))
        {
            return LinkPages.FormExpired();
        }

        var form = await context.Request.ReadFormAsync(cancellationToken);
        var (value, reason) = (form["value"].ToString(), form["reason"].ToString());
        try
        {
            var blocked = await mediator.Send(new BlockSenderCommand(value, reason, StaffActors.From(context.User)), cancellationToken);
            var hidden = blocked.HiddenReports.Count;
            return await RenderAsync(mediator, antiforgery, context, new BlockListPageState
            {
                Done = text["{0} is blocked. Reports hidden: {1}; subscriptions ended: {2}; area alerts stopped: {3}.", blocked.Blocked.Value, hidden,
                    blocked.EndedSubscriptions, blocked.StoppedAlerts],
            }, cancellationToken);
        }
        catch (ValidationException ex)
        {
            return await RenderAsync(mediator, antiforgery, context, new BlockListPageState
            {
                Errors = ex.Errors.GroupBy(e => e.PropertyName.ToLowerInvariant()).ToDictionary(g => g.Key, g => text[g.First().ErrorMessage].Value),
                Value = value, Reason = reason, Status = StatusCodes.Status400BadRequest,
            }, cancellationToken);
        }
        catch (ModerationConflictException ex)
        {
            return await RenderAsync(mediator, antiforgery, context, new BlockListPageState
            {
                Errors = new Dictionary<string, string> { ["value"] = text[ex.Message] }, Value = value, Reason = reason, Status = StatusCodes.Status409Conflict,
            }, cancellationToken);
        }
    }

    public static async Task<IResult> UnblockFromPage(IMediator mediator, IAntiforgery antiforgery, HttpContext context, UserManager<StaffUser> users,
        TimeProvider clock, IStringLocalizer<ModerationStaffPages> text, CancellationToken cancellationToken)
    {
        if (!await LinkPages.FormIsGenuineAsync(antiforgery, context))
        {
            return LinkPages.FormExpired();
        }

        if (!await RecentPassword.IsTypedAsync(users, context.User, clock))
        {
            return RecentPassword.Ask(Path);
        }

        var form = await context.Request.ReadFormAsync(cancellationToken);
        var value = form["value"].ToString();
        try
        {
            var removed = await mediator.Send(new UnblockSenderCommand(value, form["reason"].ToString(), StaffActors.From(context.User)), cancellationToken);
            return await RenderAsync(mediator, antiforgery, context, new BlockListPageState { Done = text["{0} is no longer blocked.", removed.Value] }, cancellationToken);
        }
        catch (Exception ex) when (ex is ValidationException or NotFoundException)
        {
            var message = ex is ValidationException v ? string.Join(" ", v.Errors.Select(e => text[e.ErrorMessage].Value)) : text["{0} is not on the block list.", value].Value;
            return await RenderAsync(mediator, antiforgery, context, new BlockListPageState
            {
                UnblockError = (value, message),
                Status = ex is NotFoundException ? StatusCodes.Status404NotFound : StatusCodes.Status400BadRequest,
            }, cancellationToken);
        }
    }

    private static async Task<RazorComponentResult<BlockedSendersPage>> RenderAsync(IMediator mediator, IAntiforgery antiforgery, HttpContext context,
        BlockListPageState state, CancellationToken cancellationToken) =>
        new(new
        {
            Entries = await mediator.Send(new ListBlockedSendersQuery(), cancellationToken),
            Form = LinkPages.FormTokenFor(antiforgery, context),
            State = state,
        })
        {
            StatusCode = state.Status,
        };
}

/// <summary>What the block list page shows besides the list: the outcome of the last form, and the add form's values.</summary>
public sealed record BlockListPageState
{
    public string? Done { get; init; }

    public IReadOnlyDictionary<string, string> Errors { get; init; } = new Dictionary<string, string>();

    public (string Value, string Message)? UnblockError { get; init; }

    public string? Value { get; init; }

    public string? Reason { get; init; }

    public int Status { get; init; } = StatusCodes.Status200OK;
}
