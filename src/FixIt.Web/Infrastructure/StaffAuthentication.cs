using System.Security.Claims;
using FixIt.Application.Common;
using FixIt.Infrastructure.Staff;
using FixIt.Web.Features.Admin.SignIn;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace FixIt.Web.Infrastructure;

/// <summary>
/// Who is calling: a machine with "Authorization: Bearer KEY" (<see cref="ApiKeyAuthenticationHandler"/>), or a staff
/// member's browser with Identity's cookie. One policy scheme picks between them per request, so every policy (the
/// admin API's and the pages') accepts both, each answered in its own way (problem details, or the sign-in page). ADR 0131.
/// </summary>
internal static class StaffAuthentication
{
    public const string Scheme = "StaffOrApiKey";

    /// <summary>Signed-in staff of any role (pages only: a key is not a person).</summary>
    public const string StaffPolicy = "staff";

    /// <summary>Admins and moderators, by cookie or admin key (for the moderation features).</summary>
    public const string ModeratePolicy = "moderate";

    /// <summary>The moderation pages (flags, report tools): a signed-in admin or moderator (a key is not a person).</summary>
    public const string ModeratorPagesPolicy = "moderator-pages";

    /// <summary>The operator console (/operator): a signed-in admin or operator staff; which operator is each use case's check.</summary>
    public const string OperatorConsolePolicy = "operator-console";

    public const string EnrolPath = "/admin/account/two-factor";

    public static IServiceCollection AddFixItStaffAuthentication(this IServiceCollection services)
    {
        services.AddAuthentication(o =>
            {
                o.DefaultScheme = Scheme;
                o.DefaultSignInScheme = IdentityConstants.ApplicationScheme;
            })
            .AddPolicyScheme(Scheme, "API key or staff cookie", o => o.ForwardDefaultSelector = context =>
                context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                    ? ApiKeyAuthenticationHandler.SchemeName
                    : IdentityConstants.ApplicationScheme)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null)
            .AddIdentityCookies();
        services.ConfigureApplicationCookie(o => Configure(o, "fixit-staff", TimeSpan.FromHours(8)));
        services.Configure<CookieAuthenticationOptions>(IdentityConstants.TwoFactorUserIdScheme, o => Configure(o, "fixit-staff-2fa", TimeSpan.FromMinutes(5)));
        services.Configure<CookieAuthenticationOptions>(IdentityConstants.TwoFactorRememberMeScheme, o => Configure(o, "fixit-staff-2fa-device", TimeSpan.FromDays(14)));
        services.Configure<CookieAuthenticationOptions>(IdentityConstants.ExternalScheme, o => Configure(o, "fixit-staff-external", TimeSpan.FromMinutes(5)));
        // Every request of a signed-in staff member checks the security stamp: "sign out everywhere", disabling an
        // account and a role change take effect at the next request, not in half an hour.
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.Zero);

        services.AddAuthorizationBuilder()
            .AddPolicy(ApiKeyAuthenticationHandler.AdminPolicy, p => p.RequireRole(StaffRoles.Admin))
            // Operator keys, and operator staff working for exactly one operator (the read API answers for one).
            .AddPolicy(ApiKeyAuthenticationHandler.ReadPolicy, p => p.RequireAssertion(c => c.User.IsInRole(StaffRoles.Admin)
                || (c.User.IsInRole(StaffRoles.Operator) && c.User.FindAll(ApiKeyAuthenticationHandler.OperatorClaim).Count() == 1)))
            .AddPolicy(ModeratePolicy, p => p.RequireRole(StaffRoles.Admin, StaffRoles.Moderator))
            .AddPolicy(AdminSignIn.PagePolicy, p => p.AddAuthenticationSchemes(IdentityConstants.ApplicationScheme).RequireRole(StaffRoles.Admin))
            .AddPolicy(StaffPolicy, p => p.AddAuthenticationSchemes(IdentityConstants.ApplicationScheme).RequireRole([.. StaffRoles.All]))
            .AddPolicy(ModeratorPagesPolicy, p => p.AddAuthenticationSchemes(IdentityConstants.ApplicationScheme).RequireRole(StaffRoles.Admin, StaffRoles.Moderator))
            .AddPolicy(OperatorConsolePolicy, p => p.AddAuthenticationSchemes(IdentityConstants.ApplicationScheme).RequireRole(StaffRoles.Admin, StaffRoles.Operator));
        return services;
    }

    private static void Configure(CookieAuthenticationOptions options, string name, TimeSpan lifetime)
    {
        options.LoginPath = "/admin/sign-in";
        options.AccessDeniedPath = "/admin/sign-in";
        options.ReturnUrlParameter = "returnUrl";
        options.Cookie.Name = name;
        options.Cookie.HttpOnly = true;
        options.Cookie.SameSite = SameSiteMode.Strict;
        // Secure when the request is https; an https site (Site:PublicBaseUrl) makes every cookie Secure (SecurityHeaders).
        options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        options.ExpireTimeSpan = lifetime;
        options.SlidingExpiration = true;
        options.Events.OnRedirectToLogin = context => Answer(context, StatusCodes.Status401Unauthorized);
        options.Events.OnRedirectToAccessDenied = context => Answer(context, StatusCodes.Status403Forbidden);
    }

    /// <summary>The API answers problem details, a script 401/403 and a place to go, a browser a redirect within the site.</summary>
    private static async Task Answer(RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        var request = context.Request;
        if (request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
        {
            await WriteProblemAsync(context.HttpContext, status, status == StatusCodes.Status401Unauthorized
                ? "Sign in, or send 'Authorization: Bearer <key>' with a valid, unrevoked key."
                : "Your account may not do that.");
            return;
        }

        if (status == StatusCodes.Status403Forbidden)
        {
            // Signed in, but not allowed: say so rather than show the sign-in form again.
            await Features.EmailLinks.LinkPages.Page("Not allowed", "Your staff account may not open this page.", status).ExecuteAsync(context.HttpContext);
            return;
        }

        // The cookie handler builds its redirect from the request's scheme and Host header; FixIt answers with the path
        // alone, so a forged Host header never reaches a Location header.
        var origin = $"{request.Scheme}://{request.Host}";
        var target = context.RedirectUri.StartsWith(origin, StringComparison.OrdinalIgnoreCase) ? context.RedirectUri[origin.Length..] : context.RedirectUri;
        target = target.StartsWith('/') && !target.StartsWith("//", StringComparison.Ordinal) ? target : "/admin/sign-in";
        if (string.Equals(request.Headers.XRequestedWith, "XMLHttpRequest", StringComparison.Ordinal))
        {
            context.Response.StatusCode = status;
            context.Response.Headers.Location = target;
            return;
        }

        context.Response.Redirect(target);
    }

    private static async Task WriteProblemAsync(HttpContext context, int status, string detail)
    {
        context.Response.StatusCode = status;
        await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new ProblemDetails { Status = status, Title = status == 401 ? "Sign-in is required." : "Not allowed.", Detail = detail },
        });
    }

    /// <summary>
    /// With Staff:RequireTwoFactorForAdmins, an admin signed in without an authenticator is sent to enrol one before
    /// anything else: every other page redirects there, and the API answers 403.
    /// </summary>
    public static WebApplication UseTwoFactorEnrolment(this WebApplication app)
    {
        var required = app.Services.GetRequiredService<IOptions<StaffOptions>>().Value.RequireTwoFactorForAdmins == true;
        if (!required)
        {
            return app;
        }

        app.Use(async (context, next) =>
        {
            var user = context.User;
            if (user.Identity is { IsAuthenticated: true, AuthenticationType: var type } && type == IdentityConstants.ApplicationScheme
                && user.IsInRole(StaffRoles.Admin) && user.FindFirstValue(StaffClaims.TwoFactor) != "true"
                && !context.Request.Path.StartsWithSegments(EnrolPath, StringComparison.OrdinalIgnoreCase)
                && !context.Request.Path.Equals("/admin/sign-out", StringComparison.OrdinalIgnoreCase))
            {
                if (context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
                {
                    await WriteProblemAsync(context, StatusCodes.Status403Forbidden, $"Admins must set up two-factor sign-in first, at {EnrolPath}.");
                }
                else
                {
                    context.Response.Redirect(EnrolPath);
                }

                return;
            }

            await next(context);
        });
        return app;
    }

    /// <summary>The signed-in staff member as the use cases see them; null for anyone else (an API key is not staff).</summary>
    public static StaffCaller? Caller(ClaimsPrincipal user) =>
        user.Identity?.AuthenticationType == IdentityConstants.ApplicationScheme
        && int.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), System.Globalization.CultureInfo.InvariantCulture, out var id)
        && StaffRoles.All.FirstOrDefault(user.IsInRole) is { } role
            ? new StaffCaller(id, role)
            : null;
}
