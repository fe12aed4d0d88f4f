using FixIt.Infrastructure.Staff;
using FixIt.Web.Features.EmailLinks;
using FixIt.Web.Infrastructure.RateLimiting;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;

namespace FixIt.Web.Features.Staff.Passwords;

/// <summary>
/// Setting a password from an emailed (or printed) link, for an invitation and a reset alike, and asking for a reset
/// link. The link's token is in the path, so these pages send no Referer (SecurityHeaders).
/// </summary>
internal static class PasswordEndpoints
{
    public static IEndpointRouteBuilder MapStaffPasswords(this IEndpointRouteBuilder app)
    {
        app.MapGet("/admin/set-password/{userId:int}/{token}", SetPasswordPage).WithName(nameof(SetPasswordPage)).ExcludeFromDescription();
        app.MapPost("/admin/set-password/{userId:int}/{token}", SetPassword).WithName(nameof(SetPassword)).ExcludeFromDescription()
            .RequireRateLimiting(RateLimitPolicies.SignIn);
        app.MapGet("/admin/forgot-password", ForgotPasswordPage).WithName(nameof(ForgotPasswordPage)).ExcludeFromDescription();
        app.MapPost("/admin/forgot-password", ForgotPassword).WithName(nameof(ForgotPassword)).ExcludeFromDescription()
            .RequireRateLimiting(RateLimitPolicies.SignIn);
        return app;
    }

    public static async Task<IResult> SetPasswordPage(int userId, string token, IAntiforgery antiforgery, HttpContext context, StaffAccounts accounts,
        IStringLocalizer<StaffPages> text) =>
        await accounts.IsLinkValidAsync(userId, token)
            ? Form(antiforgery, context, userId, token, null, StatusCodes.Status200OK)
            : DeadLink(text);

    public static async Task<IResult> SetPassword(int userId, string token, IAntiforgery antiforgery, HttpContext context, StaffAccounts accounts,
        IStringLocalizer<StaffPages> text, CancellationToken cancellationToken)
    {
        if (!await LinkPages.FormIsGenuineAsync(antiforgery, context))
        {
            return LinkPages.FormExpired();
        }

        var form = await context.Request.ReadFormAsync(cancellationToken);
        var password = form["password"].ToString();
        if (password != form["confirm"].ToString())
        {
            return Form(antiforgery, context, userId, token, text["The two passwords are not the same."], StatusCodes.Status400BadRequest);
        }

        var result = await accounts.SetPasswordAsync(userId, token, password);
        if (result.Succeeded)
        {
            return LinkPages.Page(text["Password set"], text["Your password is set. Sign in with your email address and your new password."], StatusCodes.Status200OK);
        }

        return result.Errors.Any(e => e.Code == "InvalidToken")
            ? DeadLink(text)
            : Form(antiforgery, context, userId, token, string.Join(" ", result.Errors.Select(e => e.Description)), StatusCodes.Status400BadRequest);
    }

    public static RazorComponentResult<ForgotPasswordPage> ForgotPasswordPage(IAntiforgery antiforgery, HttpContext context) =>
        new(new { Form = LinkPages.FormTokenFor(antiforgery, context) });

    public static async Task<IResult> ForgotPassword(IAntiforgery antiforgery, HttpContext context, StaffAccounts accounts, IStringLocalizer<StaffPages> text,
        CancellationToken cancellationToken)
    {
        if (!await LinkPages.FormIsGenuineAsync(antiforgery, context))
        {
            return LinkPages.FormExpired();
        }

        var form = await context.Request.ReadFormAsync(cancellationToken);
        await accounts.RequestPasswordResetAsync(form["email"].ToString(), cancellationToken);
        // The same answer whether or not the address has an account.
        return LinkPages.Page(text["Check your email"], text["If that address has a staff account, a link to set a new password is on its way."],
            StatusCodes.Status200OK);
    }

    private static RazorComponentResult<LinkProblemPage> DeadLink(IStringLocalizer<StaffPages> text) =>
        LinkPages.Page(text["Link no longer works"], text["This link has expired or has already been used. Ask for a new one at /admin/forgot-password."],
            StatusCodes.Status410Gone);

    private static RazorComponentResult<SetPasswordPage> Form(IAntiforgery antiforgery, HttpContext context, int userId, string token, string? error,
        int status) =>
        new(new { Form = LinkPages.FormTokenFor(antiforgery, context), Action = $"/admin/set-password/{userId}/{token}", Error = error })
        {
            StatusCode = status,
        };
}
