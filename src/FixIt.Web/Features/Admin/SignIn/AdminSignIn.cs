using FixIt.Infrastructure.Staff;
using FixIt.Web.Features.EmailLinks;
using FixIt.Web.Infrastructure.RateLimiting;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace FixIt.Web.Features.Admin.SignIn;

/// <summary>
/// The staff sign-in (ADR 0130): email and password, then a TOTP or recovery code when the account has two-factor on.
/// Identity counts failures and locks the account; the POSTs are rate-limited per client as well. The answer to a wrong
/// email, a wrong password, a disabled and a locked account is the same, and takes as long (an unknown address still
/// costs one password-hash check), so the page does not tell a stranger which addresses are staff accounts. API keys
/// are for machines (Bearer) and no longer sign in here.
/// </summary>
internal static class AdminSignIn
{
    public const string PagePolicy = "admin-pages";
    // English, the key of its resource.
    private const string WrongCredentials = "That email and password do not match a staff account, or the account is locked for a while "
        + "after too many failed attempts. Check them and try again later, or set a new password with the link below.";

    /// <summary>A hash of a random password (Identity v3 format), checked for unknown addresses so they take as long as known ones.</summary>
    private static readonly Lazy<string> UnknownAccountHash = new(() =>
        new PasswordHasher<StaffUser>().HashPassword(new StaffUser(), Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(24))));

    public static IEndpointRouteBuilder MapAdminSignIn(this IEndpointRouteBuilder app)
    {
        app.MapGet("/admin/sign-in", SignInPage).WithName(nameof(SignInPage)).ExcludeFromDescription();
        app.MapPost("/admin/sign-in", SignIn).WithName(nameof(SignIn)).ExcludeFromDescription().RequireRateLimiting(RateLimitPolicies.SignIn);
        app.MapGet("/admin/sign-in/two-factor", TwoFactorPage).WithName(nameof(TwoFactorPage)).ExcludeFromDescription();
        app.MapPost("/admin/sign-in/two-factor", TwoFactor).WithName(nameof(TwoFactor)).ExcludeFromDescription()
            .RequireRateLimiting(RateLimitPolicies.SignIn);
        // Authenticated by the cookie, so the form's antiforgery token (issued to the signed-in person) matches.
        app.MapPost("/admin/sign-out", SignOut).WithName(nameof(SignOut)).ExcludeFromDescription()
            .RequireAuthorization(Infrastructure.StaffAuthentication.StaffPolicy);
        return app;
    }

    public static RazorComponentResult<AdminSignInPage> SignInPage(string? returnUrl, IAntiforgery antiforgery, HttpContext context) =>
        Page(antiforgery, context, ReturnUrl.LocalPathOrDefault(returnUrl), null, StatusCodes.Status200OK);

    // Antiforgery is checked here rather than by the endpoint filter, so a stale form gets a page, not a bare 400.
    public static async Task<IResult> SignIn(IAntiforgery antiforgery, HttpContext context, SignInManager<StaffUser> signIn, TimeProvider clock,
        IStringLocalizer<ConsolePages> l, CancellationToken cancellationToken)
    {
        if (!await LinkPages.FormIsGenuineAsync(antiforgery, context))
        {
            return Page(antiforgery, context, ReturnUrl.Default, l["The form expired. Please try again."], StatusCodes.Status400BadRequest);
        }

        var form = await context.Request.ReadFormAsync(cancellationToken);
        var returnUrl = ReturnUrl.LocalPathOrDefault(form["returnUrl"]);
        var email = form["email"].ToString().Trim();
        var password = form["password"].ToString();
        var user = email.Length == 0 ? null : await signIn.UserManager.FindByEmailAsync(email);
        if (user is null || password.Length == 0)
        {
            if (user is null && password.Length > 0)
            {
                signIn.UserManager.PasswordHasher.VerifyHashedPassword(new StaffUser(), UnknownAccountHash.Value, password);
            }

            return Page(antiforgery, context, returnUrl, l[WrongCredentials], StatusCodes.Status401Unauthorized, email);
        }

        var result = await signIn.PasswordSignInAsync(user, password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded || result.RequiresTwoFactor)
        {
            user.PasswordConfirmedAt = clock.GetUtcNow();
            await signIn.UserManager.UpdateAsync(user);
        }

        return result.Succeeded
            ? TypedResults.Redirect(returnUrl, preserveMethod: false)
            : result.RequiresTwoFactor
            ? TypedResults.Redirect($"/admin/sign-in/two-factor?returnUrl={Uri.EscapeDataString(returnUrl)}", preserveMethod: false)
            : Page(antiforgery, context, returnUrl, l[WrongCredentials], StatusCodes.Status401Unauthorized, email);
    }

    public static async Task<IResult> TwoFactorPage(string? returnUrl, IAntiforgery antiforgery, HttpContext context, SignInManager<StaffUser> signIn) =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is null
            ? TypedResults.Redirect("/admin/sign-in", preserveMethod: false)
            : TwoFactorForm(antiforgery, context, ReturnUrl.LocalPathOrDefault(returnUrl), null, StatusCodes.Status200OK);

    public static async Task<IResult> TwoFactor(IAntiforgery antiforgery, HttpContext context, SignInManager<StaffUser> signIn,
        IStringLocalizer<ConsolePages> l, CancellationToken cancellationToken)
    {
        if (!await LinkPages.FormIsGenuineAsync(antiforgery, context))
        {
            return TwoFactorForm(antiforgery, context, ReturnUrl.Default, l["The form expired. Please try again."], StatusCodes.Status400BadRequest);
        }

        var form = await context.Request.ReadFormAsync(cancellationToken);
        var returnUrl = ReturnUrl.LocalPathOrDefault(form["returnUrl"]);
        if (await signIn.GetTwoFactorAuthenticationUserAsync() is null)
        {
            // The five minutes between password and code passed (or there was no password): start again.
            return TypedResults.Redirect("/admin/sign-in", preserveMethod: false);
        }

        // A TOTP code is six digits (apps show "123 456"); anything else is tried as a recovery code ("ABCDE-FGHIJ": Identity
        // makes them of upper-case letters and digits, so a code typed in lower case is the same code).
        var code = new string([.. form["code"].ToString().Where(c => !char.IsWhiteSpace(c))]);
        var result = code.Length == 0 ? SignInResult.Failed
            : code.Length == 6 && code.All(char.IsAsciiDigit)
                ? await signIn.TwoFactorAuthenticatorSignInAsync(code, isPersistent: false, rememberClient: false)
                : await signIn.TwoFactorRecoveryCodeSignInAsync(code.ToUpperInvariant());
        return result.Succeeded
            ? TypedResults.Redirect(returnUrl, preserveMethod: false)
            : TwoFactorForm(antiforgery, context, returnUrl, result.IsLockedOut
                ? l["This account is locked for a while after too many failed attempts. Try again later."]
                : l["That code is not right. Type the 6-digit code your authenticator app shows now, or one of your recovery codes."],
                StatusCodes.Status401Unauthorized);
    }

    public static async Task<IResult> SignOut(IAntiforgery antiforgery, HttpContext context, SignInManager<StaffUser> signIn, CancellationToken cancellationToken)
    {
        if (!await LinkPages.FormIsGenuineAsync(antiforgery, context))
        {
            return TypedResults.BadRequest();
        }

        var form = await context.Request.ReadFormAsync(cancellationToken);
        if (form["everywhere"] == "true" && await signIn.UserManager.GetUserAsync(context.User) is { } user)
        {
            // A new security stamp: every other browser's cookie fails its next check.
            await signIn.UserManager.UpdateSecurityStampAsync(user);
        }

        await signIn.SignOutAsync();
        return TypedResults.Redirect("/admin/sign-in", preserveMethod: false);
    }

    private static RazorComponentResult<AdminSignInPage> Page(IAntiforgery antiforgery, HttpContext context, string returnUrl, string? error, int status,
        string email = "") =>
        new(new { Form = LinkPages.FormTokenFor(antiforgery, context), ReturnUrl = returnUrl, Error = error, Email = email }) { StatusCode = status };

    private static RazorComponentResult<TwoFactorSignInPage> TwoFactorForm(IAntiforgery antiforgery, HttpContext context, string returnUrl, string? error,
        int status) =>
        new(new { Form = LinkPages.FormTokenFor(antiforgery, context), ReturnUrl = returnUrl, Error = error }) { StatusCode = status };
}
