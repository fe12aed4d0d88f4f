using FixIt.Application.Common;
using FixIt.Application.Features.Admin.Operators.ListOperators;
using FixIt.Infrastructure.Staff;
using FixIt.Web.Features.Admin;
using FixIt.Web.Features.Admin.SignIn;
using FixIt.Web.Features.EmailLinks;
using FixIt.Web.Features.Moderation;
using FixIt.Web.Infrastructure.RateLimiting;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace FixIt.Web.Features.Staff.List;

/// <summary>
/// The staff list for admins: invite (an emailed single-use link), change a role and operators (only within five minutes
/// of typing one's password: <c>/admin/reauthenticate</c> asks again), disable.
/// </summary>
internal static class StaffListEndpoints
{
    private const string Page = "/admin/staff";

    public static IEndpointRouteBuilder MapStaffList(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/admin").ExcludeFromDescription().RequireAuthorization(AdminSignIn.PagePolicy).WithHtmlErrorPagesForStaff();
        group.MapGet("/staff", StaffListPage).WithName(nameof(StaffListPage));
        group.MapPost("/staff", Invite).WithName(nameof(Invite));
        group.MapPost("/staff/{id:int}/role", ChangeRole).WithName(nameof(ChangeRole));
        group.MapPost("/staff/{id:int}/disable", Disable).WithName(nameof(Disable));
        app.MapGet("/admin/reauthenticate", ReauthenticatePage).WithName(nameof(ReauthenticatePage)).ExcludeFromDescription()
            .RequireAuthorization(Infrastructure.StaffAuthentication.StaffPolicy);
        app.MapPost("/admin/reauthenticate", Reauthenticate).WithName(nameof(Reauthenticate)).ExcludeFromDescription()
            .RequireAuthorization(Infrastructure.StaffAuthentication.StaffPolicy).RequireRateLimiting(RateLimitPolicies.SignIn);
        return app;
    }

    public static Task<RazorComponentResult<StaffListPage>> StaffListPage(IAntiforgery antiforgery, HttpContext context, StaffAccounts accounts,
        IMediator mediator, ConsoleNoticeCookie notice, CancellationToken cancellationToken) =>
        List(antiforgery, context, accounts, mediator, notice.Take(context, Page), null, StatusCodes.Status200OK, cancellationToken);

    public static async Task<IResult> Invite(IAntiforgery antiforgery, HttpContext context, StaffAccounts accounts, IMediator mediator,
        ConsoleNoticeCookie notice, IStringLocalizer<StaffPages> text, CancellationToken cancellationToken)
    {
        if (!await LinkPages.FormIsGenuineAsync(antiforgery, context))
        {
            return LinkPages.FormExpired();
        }

        var form = await context.Request.ReadFormAsync(cancellationToken);
        try
        {
            await accounts.CreateAsync(form["email"].ToString(), form["role"].ToString(), [.. form["operator"].Select(s => s ?? "")], null,
                emailInvitation: true, StaffActors.From(context.User), cancellationToken);
        }
        catch (ValidationException ex)
        {
            return await List(antiforgery, context, accounts, mediator, null, Describe(ex, text), StatusCodes.Status400BadRequest, cancellationToken);
        }

        return notice.RedirectWith(context, Page, text["Invitation sent to {0}.", form["email"].ToString().Trim()]);
    }

    public static async Task<IResult> ChangeRole(int id, IAntiforgery antiforgery, HttpContext context, StaffAccounts accounts, IMediator mediator,
        UserManager<StaffUser> users, TimeProvider clock, ConsoleNoticeCookie notice, IStringLocalizer<StaffPages> text, CancellationToken cancellationToken)
    {
        if (!await LinkPages.FormIsGenuineAsync(antiforgery, context))
        {
            return LinkPages.FormExpired();
        }

        if (!await RecentPassword.IsTypedAsync(users, context.User, clock))
        {
            return RecentPassword.Ask("/admin/staff");
        }

        var form = await context.Request.ReadFormAsync(cancellationToken);
        try
        {
            await accounts.ChangeRoleAsync(id, form["role"].ToString(), [.. form["operator"].Select(s => s ?? "")], StaffActors.From(context.User),
                cancellationToken);
        }
        catch (ValidationException ex)
        {
            return await List(antiforgery, context, accounts, mediator, null, Describe(ex, text), StatusCodes.Status400BadRequest, cancellationToken);
        }

        return notice.RedirectWith(context, Page, text["Role changed."]);
    }

    public static async Task<IResult> Disable(int id, IAntiforgery antiforgery, HttpContext context, StaffAccounts accounts, IMediator mediator,
        ConsoleNoticeCookie notice, IStringLocalizer<StaffPages> text, CancellationToken cancellationToken)
    {
        if (!await LinkPages.FormIsGenuineAsync(antiforgery, context))
        {
            return LinkPages.FormExpired();
        }

        var member = await accounts.FindAsync(id, cancellationToken) ?? throw new NotFoundException("staff account", id);
        try
        {
            await accounts.DisableAsync(member.Email, StaffActors.From(context.User), cancellationToken);
        }
        catch (ValidationException ex)
        {
            return await List(antiforgery, context, accounts, mediator, null, Describe(ex, text), StatusCodes.Status400BadRequest, cancellationToken);
        }

        return notice.RedirectWith(context, Page, text["{0} is disabled.", member.Email]);
    }

    public static RazorComponentResult<ReauthenticatePage> ReauthenticatePage(string? returnUrl, IAntiforgery antiforgery, HttpContext context) =>
        new(new { Form = LinkPages.FormTokenFor(antiforgery, context), ReturnUrl = ReturnUrl.LocalPathOrDefault(returnUrl) });

    public static async Task<IResult> Reauthenticate(IAntiforgery antiforgery, HttpContext context, SignInManager<StaffUser> signIn, TimeProvider clock,
        IStringLocalizer<StaffPages> text, CancellationToken cancellationToken)
    {
        if (!await LinkPages.FormIsGenuineAsync(antiforgery, context))
        {
            return LinkPages.FormExpired();
        }

        var form = await context.Request.ReadFormAsync(cancellationToken);
        var returnUrl = ReturnUrl.LocalPathOrDefault(form["returnUrl"]);
        var user = await signIn.UserManager.GetUserAsync(context.User);
        var result = user is null ? SignInResult.Failed : await signIn.CheckPasswordSignInAsync(user, form["password"].ToString(), lockoutOnFailure: true);
        if (!result.Succeeded)
        {
            return new RazorComponentResult<ReauthenticatePage>(new
            {
                Form = LinkPages.FormTokenFor(antiforgery, context),
                ReturnUrl = returnUrl,
                Error = result.IsLockedOut ? text["This account is locked for a while after too many failed attempts."].Value : text["That is not your password."].Value,
            })
            {
                StatusCode = StatusCodes.Status401Unauthorized,
            };
        }

        user!.PasswordConfirmedAt = clock.GetUtcNow();
        await signIn.UserManager.UpdateAsync(user);
        return TypedResults.Redirect(returnUrl, preserveMethod: false);
    }

    private static async Task<RazorComponentResult<StaffListPage>> List(IAntiforgery antiforgery, HttpContext context, StaffAccounts accounts,
        IMediator mediator, string? done, string? error, int status, CancellationToken cancellationToken) =>
        new(new
        {
            Members = await accounts.ListAsync(cancellationToken),
            Operators = await mediator.Send(new ListOperatorsQuery(AdminCaller.Admin), cancellationToken),
            Form = LinkPages.FormTokenFor(antiforgery, context),
            Done = done,
            Error = error,
        })
        {
            StatusCode = status,
        };

    // The accounts' messages are English (the command line shows them too): those without data are looked up, the rest shown as they are.
    private static string Describe(ValidationException ex, IStringLocalizer<StaffPages> text) => string.Join(" ", ex.Errors.Select(e => text[e.ErrorMessage].Value));

    private static RouteGroupBuilder WithHtmlErrorPagesForStaff(this RouteGroupBuilder group) => Infrastructure.HtmlErrorPagesExtensions.WithHtmlErrorPages(group);
}
