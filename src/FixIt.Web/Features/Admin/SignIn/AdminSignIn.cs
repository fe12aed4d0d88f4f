using System.Globalization;
using System.Security.Claims;
using FixIt.Application.Features.Admin.ApiKeys.FindActiveApiKey;
using FixIt.Domain.Access;
using FixIt.Web.Features.EmailLinks;
using FixIt.Web.Infrastructure.RateLimiting;
using Mediator;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http.HttpResults;

namespace FixIt.Web.Features.Admin.SignIn;

/// <summary>
/// Signing in to the admin pages (such as /admin/mail) in a browser, with an admin API key pasted into a form:
/// the same keys as the admin API, no second set of credentials. The key is checked once, then a cookie
/// (encrypted with the app's Data Protection keys, HttpOnly, SameSite=Strict) names it; every request checks
/// the key is still unrevoked, so revoking the key signs its browser sessions out too.
/// </summary>
internal static class AdminSignIn
{
    public const string CookieScheme = "AdminCookie";
    public const string PagePolicy = "admin-pages";
    private const string KeyIdClaim = "fixit:api-key";

    public static void ConfigureCookie(CookieAuthenticationOptions options)
    {
        options.LoginPath = "/admin/sign-in";
        options.AccessDeniedPath = "/admin/sign-in";
        options.ReturnUrlParameter = "returnUrl";
        options.Cookie.Name = "fixit-admin";
        options.Cookie.HttpOnly = true;
        options.Cookie.SameSite = SameSiteMode.Strict;
        options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        options.ExpireTimeSpan = TimeSpan.FromHours(8);
        options.SlidingExpiration = true;
        options.Events.OnRedirectToLogin = context => RedirectWithinSite(context, StatusCodes.Status401Unauthorized);
        options.Events.OnRedirectToAccessDenied = context => RedirectWithinSite(context, StatusCodes.Status403Forbidden);
        options.Events.OnValidatePrincipal = async context =>
        {
            var id = context.Principal?.FindFirstValue(KeyIdClaim);
            var mediator = context.HttpContext.RequestServices.GetRequiredService<IMediator>();
            var stillValid = int.TryParse(id, CultureInfo.InvariantCulture, out var keyId)
                && await mediator.Send(new FindActiveApiKeyByIdQuery(keyId, ApiKeyRole.Admin), context.HttpContext.RequestAborted) is not null;
            if (!stillValid)
            {
                context.RejectPrincipal();
                await context.HttpContext.SignOutAsync(CookieScheme);
            }
        };
    }

    /// <summary>
    /// The cookie handler builds its redirect from the request's scheme and Host header; FixIt answers with the path
    /// alone, so a forged Host header never reaches a Location header.
    /// </summary>
    private static Task RedirectWithinSite(RedirectContext<CookieAuthenticationOptions> context, int scriptStatus)
    {
        var request = context.Request;
        var origin = $"{request.Scheme}://{request.Host}";
        var target = context.RedirectUri.StartsWith(origin, StringComparison.OrdinalIgnoreCase) ? context.RedirectUri[origin.Length..] : context.RedirectUri;
        target = target.StartsWith('/') && !target.StartsWith("//", StringComparison.Ordinal) ? target : "/admin/sign-in";
        if (string.Equals(request.Headers.XRequestedWith, "XMLHttpRequest", StringComparison.Ordinal))
        {
            // As the handler's default: a script gets 401 (or 403) and the place to go, not a redirect to follow.
            context.Response.StatusCode = scriptStatus;
            context.Response.Headers.Location = target;
            return Task.CompletedTask;
        }

        context.Response.Redirect(target);
        return Task.CompletedTask;
    }

    public static IEndpointRouteBuilder MapAdminSignIn(this IEndpointRouteBuilder app)
    {
        app.MapGet("/admin/sign-in", SignInPage).WithName(nameof(SignInPage)).ExcludeFromDescription();
        app.MapPost("/admin/sign-in", SignIn).WithName(nameof(SignIn)).ExcludeFromDescription().RequireRateLimiting(RateLimitPolicies.SignIn);
        // Authenticated by the cookie, so the form's antiforgery token (issued to the signed-in admin) matches.
        app.MapPost("/admin/sign-out", SignOut).WithName(nameof(SignOut)).ExcludeFromDescription().RequireAuthorization(PagePolicy);
        return app;
    }

    public static RazorComponentResult<AdminSignInPage> SignInPage(string? returnUrl, IAntiforgery antiforgery, HttpContext context) =>
        Page(antiforgery, context, ReturnUrl.LocalPathOrDefault(returnUrl), null, StatusCodes.Status200OK);

    // Antiforgery is checked here rather than by the endpoint filter, so a stale form gets a page, not a bare 400.
    public static async Task<IResult> SignIn(IAntiforgery antiforgery, HttpContext context, IMediator mediator, CancellationToken cancellationToken)
    {
        if (!await LinkPages.FormIsGenuineAsync(antiforgery, context))
        {
            return Page(antiforgery, context, ReturnUrl.Default, "The form expired. Please try again.", StatusCodes.Status400BadRequest);
        }

        var form = await context.Request.ReadFormAsync(cancellationToken);
        var returnUrl = ReturnUrl.LocalPathOrDefault(form["returnUrl"]);
        var key = form["key"].ToString().Trim();
        var found = key.Length == 0 ? null : await mediator.Send(new FindActiveApiKeyQuery(key), cancellationToken);
        if (found is not { Role: ApiKeyRole.Admin })
        {
            // One answer for unknown, revoked and operator keys: the page does not say which keys exist.
            return Page(antiforgery, context, returnUrl, "That is not a valid admin key.", StatusCodes.Status401Unauthorized);
        }

        var identity = new ClaimsIdentity(
            [new Claim(ClaimTypes.Name, found.Name), new Claim(ClaimTypes.Role, "admin"), new Claim(KeyIdClaim, found.Id.ToString(CultureInfo.InvariantCulture))],
            CookieScheme);
        await context.SignInAsync(CookieScheme, new ClaimsPrincipal(identity));
        return TypedResults.Redirect(returnUrl, preserveMethod: false);
    }

    public static async Task<IResult> SignOut(IAntiforgery antiforgery, HttpContext context)
    {
        if (!await LinkPages.FormIsGenuineAsync(antiforgery, context))
        {
            return TypedResults.BadRequest();
        }

        await context.SignOutAsync(CookieScheme);
        return TypedResults.Redirect("/admin/sign-in", preserveMethod: false);
    }

    private static RazorComponentResult<AdminSignInPage> Page(IAntiforgery antiforgery, HttpContext context, string returnUrl, string? error, int status) =>
        new(new { Form = LinkPages.FormTokenFor(antiforgery, context), ReturnUrl = returnUrl, Error = error }) { StatusCode = status };
}
