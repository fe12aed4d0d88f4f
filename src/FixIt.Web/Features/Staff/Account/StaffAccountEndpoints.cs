using System.Globalization;
using System.Text;
using FixIt.Application.Common;
using FixIt.Infrastructure.Staff;
using FixIt.Web.Features.EmailLinks;
using FixIt.Web.Infrastructure;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using QRCoder;

namespace FixIt.Web.Features.Staff.Account;

/// <summary>
/// A signed-in staff member's own account: who they are, sign-out (here or everywhere), and the TOTP authenticator
/// (enrolment with a QR code drawn here, as a PNG data URI the strict CSP allows; recovery codes shown once).
/// </summary>
internal static class StaffAccountEndpoints
{
    public const int RecoveryCodeCount = 10;

    public static IEndpointRouteBuilder MapStaffAccount(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/admin/account").ExcludeFromDescription().RequireAuthorization(StaffAuthentication.StaffPolicy);
        group.MapGet("", AccountPage).WithName(nameof(AccountPage));
        group.MapGet("/two-factor", EnrolPage).WithName(nameof(EnrolPage));
        group.MapPost("/two-factor", Enrol).WithName(nameof(Enrol));
        group.MapPost("/recovery-codes", NewRecoveryCodes).WithName(nameof(NewRecoveryCodes));
        return app;
    }

    public static async Task<IResult> AccountPage(HttpContext context, IAntiforgery antiforgery, UserManager<StaffUser> users, StaffAccounts accounts,
        CancellationToken cancellationToken)
    {
        var user = await users.GetUserAsync(context.User);
        if (user is null)
        {
            return TypedResults.Redirect("/admin/sign-in", preserveMethod: false);
        }

        return new RazorComponentResult<StaffAccountPage>(new
        {
            Member = (await accounts.FindAsync(user.Id, cancellationToken))!,
            RecoveryCodesLeft = await users.CountRecoveryCodesAsync(user),
            Form = LinkPages.FormTokenFor(antiforgery, context),
        });
    }

    public static async Task<IResult> EnrolPage(HttpContext context, IAntiforgery antiforgery, SignInManager<StaffUser> signIn, IOptions<SiteOptions> site) =>
        await signIn.UserManager.GetUserAsync(context.User) is { } user
            ? await EnrolForm(context, antiforgery, signIn, user, site.Value.Name, null, StatusCodes.Status200OK)
            : TypedResults.Redirect("/admin/sign-in", preserveMethod: false);

    public static async Task<IResult> Enrol(HttpContext context, IAntiforgery antiforgery, UserManager<StaffUser> users, SignInManager<StaffUser> signIn,
        IOptions<SiteOptions> site, IStringLocalizer<StaffPages> text, CancellationToken cancellationToken)
    {
        if (!await LinkPages.FormIsGenuineAsync(antiforgery, context))
        {
            return LinkPages.FormExpired();
        }

        if (await users.GetUserAsync(context.User) is not { } user)
        {
            return TypedResults.Redirect("/admin/sign-in", preserveMethod: false);
        }

        var form = await context.Request.ReadFormAsync(cancellationToken);
        var code = new string([.. form["code"].ToString().Where(char.IsAsciiDigit)]);
        if (code.Length != 6 || !await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code))
        {
            return await EnrolForm(context, antiforgery, signIn, user, site.Value.Name,
                text["That code is not right. Scan the QR code (or type the key) in your authenticator app, then type the 6-digit code it shows now."],
                StatusCodes.Status400BadRequest);
        }

        await users.SetTwoFactorEnabledAsync(user, true);
        var codes = await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount);
        // Turning two-factor on changed the security stamp: re-issue this browser's cookie, with the new claim.
        await signIn.RefreshSignInAsync(user);
        return RecoveryCodes(codes!);
    }

    public static async Task<IResult> NewRecoveryCodes(HttpContext context, IAntiforgery antiforgery, UserManager<StaffUser> users)
    {
        if (!await LinkPages.FormIsGenuineAsync(antiforgery, context))
        {
            return LinkPages.FormExpired();
        }

        return await users.GetUserAsync(context.User) is { TwoFactorEnabled: true } user
            ? RecoveryCodes((await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount))!)
            : TypedResults.Redirect("/admin/account", preserveMethod: false);
    }

    private static RazorComponentResult<RecoveryCodesPage> RecoveryCodes(IEnumerable<string> codes) => new(new { Codes = codes.ToList() });

    private static async Task<IResult> EnrolForm(HttpContext context, IAntiforgery antiforgery, SignInManager<StaffUser> signIn, StaffUser user, string site,
        string? error, int status)
    {
        var users = signIn.UserManager;
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            await users.ResetAuthenticatorKeyAsync(user);
            key = (await users.GetAuthenticatorKeyAsync(user))!;
            // A new key changes the security stamp: re-issue this browser's cookie, or its next request is signed out.
            await signIn.RefreshSignInAsync(user);
        }

        var uri = AuthenticatorUri(site, user.Email!, key);
        return new RazorComponentResult<TwoFactorEnrolPage>(new
        {
            Form = LinkPages.FormTokenFor(antiforgery, context),
            QrCode = QrCodeDataUri(uri),
            Key = Grouped(key),
            AlreadyOn = user.TwoFactorEnabled,
            Error = error,
        })
        {
            StatusCode = status,
        };
    }

    /// <summary>The otpauth URI authenticator apps read (Google's Key Uri Format): issuer and account, the base32 key, 6 digits every 30 s.</summary>
    internal static string AuthenticatorUri(string site, string email, string key) =>
        string.Create(CultureInfo.InvariantCulture,
            $"otpauth://totp/{Uri.EscapeDataString(site)}:{Uri.EscapeDataString(email)}?secret={key}&issuer={Uri.EscapeDataString(site)}&digits=6");

    internal static string QrCodeDataUri(string text)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
        var png = new PngByteQRCode(data).GetGraphic(5);
        return "data:image/png;base64," + Convert.ToBase64String(png);
    }

    private static string Grouped(string key)
    {
        var grouped = new StringBuilder();
        for (var i = 0; i < key.Length; i += 4)
        {
            grouped.Append(key.AsSpan(i, Math.Min(4, key.Length - i))).Append(' ');
        }

        return grouped.ToString().TrimEnd().ToLowerInvariant();
    }
}
