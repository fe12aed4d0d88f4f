using FixIt.Application.Common;
using FixIt.Application.Features.Admin.Operators.ListOperators;
using FixIt.Infrastructure.Staff;
using FixIt.Web.Features.Admin.SignIn;
using FixIt.Web.Features.EmailLinks;
using FixIt.Web.Infrastructure.RateLimiting;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;

namespace FixIt.Web.Features.Staff.List;

/// <summary>
/// The staff list for admins: invite (an emailed single-use link), change a role and operators (only within five minutes
/// of typing one's password: <c>/admin/reauthenticate</c> asks again), disable.
/// </summary>
internal static class StaffListEndpoints
{
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
        IMediator mediator, CancellationToken cancellationToken) =>
        List(antiforgery, context, accounts, mediator, null, null, StatusCodes.Status200OK, cancellationToken);

    public static async Task<IResult> Invite(IAntiforgery antiforgery, HttpContext context, StaffAccounts accounts, IMediator mediator,
        CancellationToken cancellationToken)
    {
        if (!await LinkPages.FormIsGenuineAsync(antiforgery, context))
        {
            return LinkPages.FormExpired();
        }

        var form = await context.Request.ReadFormAsync(cancellationToken);
        try
        {
            await accounts.CreateAsync(form["email"].ToString(), form["role"].ToString(), [.. form["operator"].Select(s => s ?? "")], null,
                emailInvitation: true, cancellationToken);
        }
        catch (ValidationException ex)
        {
            return await List(antiforgery, context, accounts, mediator, null, Describe(ex), StatusCodes.Status400BadRequest, cancellationToken);
        }

        return await List(antiforgery, context, accounts, mediator, $"Invitation sent to {form["email"].ToString().Trim()}.", null,
            StatusCodes.Status200OK, cancellationToken);
    }

    public static async Task<IResult> ChangeRole(int id, IAntiforgery antiforgery, HttpContext context, StaffAccounts accounts, IMediator mediator,
        UserManager<StaffUser> users, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (!await LinkPages.FormIsGenuineAsync(antiforgery, context))
        {
            return LinkPages.FormExpired();
        }

        if (!await PasswordTypedRecentlyAsync(users, context, clock))
        {
            return TypedResults.Redirect("/admin/reauthenticate?returnUrl=%2Fadmin%2Fstaff", preserveMethod: false);
        }

        var form = await context.Request.ReadFormAsync(cancellationToken);
        try
        {
            await accounts.ChangeRoleAsync(id, form["role"].ToString(), [.. form["operator"].Select(s => s ?? "")], cancellationToken);
        }
        catch (ValidationException ex)
        {
            return await List(antiforgery, context, accounts, mediator, null, Describe(ex), StatusCodes.Status400BadRequest, cancellationToken);
        }

        return await List(antiforgery, context, accounts, mediator, "Role changed.", null, StatusCodes.Status200OK, cancellationToken);
    }

    public static async Task<IResult> Disable(int id, IAntiforgery antiforgery, HttpContext context, StaffAccounts accounts, IMediator mediator,
        CancellationToken cancellationToken)
    {
        if (!await LinkPages.FormIsGenuineAsync(antiforgery, context))
        {
            return LinkPages.FormExpired();
        }

        var member = await accounts.FindAsync(id, cancellationToken) ?? throw new NotFoundException("staff account", id);
        await accounts.DisableAsync(member.Email, cancellationToken);
        return await List(antiforgery, context, accounts, mediator, $"{member.Email} is disabled.", null, StatusCodes.Status200OK, cancellationToken);
    }

    /// <summary>Whether the signed-in staff member typed their password in the last five minutes (role changes, new API keys).</summary>
    public static async Task<bool> PasswordTypedRecentlyAsync(UserManager<StaffUser> users, HttpContext context, TimeProvider clock) =>
        await users.GetUserAsync(context.User) is { PasswordConfirmedAt: { } typed } && clock.GetUtcNow() - typed <= StaffOptions.ReauthenticationWindow;

    public static RazorComponentResult<ReauthenticatePage> ReauthenticatePage(string? returnUrl, IAntiforgery antiforgery, HttpContext context) =>
        new(new { Form = LinkPages.FormTokenFor(antiforgery, context), ReturnUrl = ReturnUrl.LocalPathOrDefault(returnUrl) });

    public static async Task<IResult> Reauthenticate(IAntiforgery antiforgery, HttpContext context, SignInManager<StaffUser> signIn, TimeProvider clock,
        CancellationToken cancellationToken)
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
                Error = result.IsLockedOut ? "This account is locked for a while after too many failed attempts." : "That is not your password.",
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

    private static string Describe(ValidationException ex) => string.Join(" ", ex.Errors.Select(e => e.ErrorMessage));

    private static RouteGroupBuilder WithHtmlErrorPagesForStaff(this RouteGroupBuilder group) => Infrastructure.HtmlErrorPagesExtensions.WithHtmlErrorPages(group);
}
