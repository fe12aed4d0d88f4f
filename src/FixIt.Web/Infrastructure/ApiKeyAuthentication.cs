using System.Globalization;
using System.Security.Claims;
using System.Text.Encodings.Web;
using FixIt.Application.Common;
using FixIt.Application.Features.Admin.ApiKeys.FindActiveApiKey;
using FixIt.Domain.Access;
using Mediator;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace FixIt.Web.Infrastructure;

/// <summary>
/// "Authorization: Bearer KEY" for /api/admin: the key's SHA-256 is looked up among unrevoked keys. No key or an
/// unknown one → 401; a key without the role or scope → 403; both as problem details.
/// </summary>
internal sealed class ApiKeyAuthenticationHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger,
    UrlEncoder encoder, IMediator mediator) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string OperatorClaim = "fixit:operator";
    public const string AdminPolicy = "admin";
    public const string ReadPolicy = "admin-read";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.NoResult();
        }

        var key = await mediator.Send(new FindActiveApiKeyQuery(header["Bearer ".Length..].Trim()), Context.RequestAborted);
        if (key is null)
        {
            return AuthenticateResult.Fail("Unknown or revoked API key.");
        }

        var claims = new List<Claim> { new(ClaimTypes.Name, key.Name), new(ClaimTypes.Role, key.Role == ApiKeyRole.Admin ? "admin" : "operator") };
        if (key.OperatorId is { } operatorId)
        {
            claims.Add(new Claim(OperatorClaim, operatorId.ToString(CultureInfo.InvariantCulture)));
        }

        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName)), SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.Headers.WWWAuthenticate = "Bearer";
        return Problem(StatusCodes.Status401Unauthorized, "An API key is required.", "Send 'Authorization: Bearer <key>' with a valid, unrevoked key.");
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        Problem(StatusCodes.Status403Forbidden, "This API key may not do that.", "Operator keys may only read their own operator's data.");

    private async Task Problem(int status, string title, string detail)
    {
        Response.StatusCode = status;
        await Context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = Context,
            ProblemDetails = new ProblemDetails { Status = status, Title = title, Detail = detail },
        });
    }

    /// <summary>The caller as the use cases see it.</summary>
    public static AdminCaller Caller(ClaimsPrincipal user) =>
        user.IsInRole("admin")
            ? AdminCaller.Admin
            : new AdminCaller(false, int.Parse(user.FindFirstValue(OperatorClaim)!, CultureInfo.InvariantCulture));
}
