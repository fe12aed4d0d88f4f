using FixIt.Application.Common;
using FixIt.Application.Features.Admin.ApiKeys.CreateApiKey;
using FixIt.Application.Features.Admin.ApiKeys.ListApiKeys;
using FixIt.Application.Features.Admin.ApiKeys.RevokeApiKey;
using FixIt.Application.Features.Admin.Operators.ListOperators;
using FixIt.Domain.Access;
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

namespace FixIt.Web.Features.Admin.ApiKeys;

/// <summary>
/// The console's API key page (docs/console.md): the keys (never the keys themselves), a new key shown once, revoking.
/// The same commands as <c>fixit create-api-key</c> and <c>revoke-api-key</c>. A new key needs the password typed in the
/// last five minutes, as a role change does: an admin key can do everything an admin can.
/// </summary>
internal static class ApiKeyConsoleEndpoints
{
    public static IEndpointRouteBuilder MapApiKeyConsole(this IEndpointRouteBuilder app)
    {
        var pages = app.MapGroup("/admin").ExcludeFromDescription().RequireAuthorization(AdminSignIn.PagePolicy).WithHtmlErrorPages();
        pages.MapGet("/keys", ApiKeysPage).WithName(nameof(ApiKeysPage));
        pages.MapPost("/keys", CreateKey).WithName(nameof(CreateKey));
        pages.MapPost("/keys/revoke", RevokeKey).WithName(nameof(RevokeKey));
        return app;
    }

    public static Task<RazorComponentResult<ApiKeysPage>> ApiKeysPage(string? done, IMediator mediator, IAntiforgery antiforgery, HttpContext context,
        IStringLocalizer<ConsolePages> l, CancellationToken cancellationToken) =>
        Page(mediator, antiforgery, context, done == "revoked" ? l["The key is revoked: requests with it are refused from now on."].Value : null, null,
            new ApiKeyForm("", "operator", ""), [], StatusCodes.Status200OK, cancellationToken);

    public static async Task<IResult> CreateKey(IMediator mediator, IAntiforgery antiforgery, HttpContext context, UserManager<StaffUser> users,
        TimeProvider clock, CancellationToken cancellationToken)
    {
        if (!await LinkPages.FormIsGenuineAsync(antiforgery, context))
        {
            return LinkPages.FormExpired();
        }

        if (!await RecentPassword.IsTypedAsync(users, context.User, clock))
        {
            return TypedResults.Redirect("/admin/reauthenticate?returnUrl=%2Fadmin%2Fkeys", preserveMethod: false);
        }

        var posted = await context.Request.ReadFormAsync(cancellationToken);
        var form = new ApiKeyForm(posted["Name"].ToString(), posted["Role"].ToString(), posted["OperatorSlug"].ToString());
        var role = Enum.TryParse<ApiKeyRole>(form.Role, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) ? parsed : (ApiKeyRole)(-1);
        try
        {
            var created = await mediator.Send(new CreateApiKeyCommand(form.Name, role,
                role == ApiKeyRole.Operator && form.OperatorSlug.Length > 0 ? form.OperatorSlug : null), cancellationToken);
            // The key is in this answer only: never in a URL, a log or a cache.
            context.Response.Headers.CacheControl = "no-store";
            return await Page(mediator, antiforgery, context, null, created, new ApiKeyForm("", "operator", ""), [], StatusCodes.Status200OK, cancellationToken);
        }
        catch (ValidationException ex)
        {
            return await Page(mediator, antiforgery, context, null, null, form, ConsoleForms.ErrorsOf(ex), StatusCodes.Status400BadRequest, cancellationToken);
        }
    }

    public static async Task<IResult> RevokeKey(IMediator mediator, IAntiforgery antiforgery, HttpContext context, CancellationToken cancellationToken)
    {
        if (!await LinkPages.FormIsGenuineAsync(antiforgery, context))
        {
            return LinkPages.FormExpired();
        }

        var posted = await context.Request.ReadFormAsync(cancellationToken);
        try
        {
            await mediator.Send(new RevokeApiKeyCommand(posted["Name"].ToString()), cancellationToken);
        }
        catch (ValidationException ex)
        {
            return await Page(mediator, antiforgery, context, null, null, new ApiKeyForm("", "operator", ""), ConsoleForms.ErrorsOf(ex),
                StatusCodes.Status400BadRequest, cancellationToken);
        }

        return TypedResults.Redirect("/admin/keys?done=revoked", preserveMethod: false);
    }

    private static async Task<RazorComponentResult<ApiKeysPage>> Page(IMediator mediator, IAntiforgery antiforgery, HttpContext context, string? done,
        CreatedApiKey? created, ApiKeyForm form, Dictionary<string, string[]> errors, int status, CancellationToken cancellationToken) =>
        new(new
        {
            Keys = await mediator.Send(new ListApiKeysQuery(), cancellationToken),
            Operators = await mediator.Send(new ListOperatorsQuery(AdminCaller.Admin), cancellationToken),
            Form = LinkPages.FormTokenFor(antiforgery, context),
            Done = done,
            Created = created,
            Model = form,
            Errors = errors,
        })
        {
            StatusCode = status,
        };
}

/// <summary>The new-key form as typed.</summary>
public sealed record ApiKeyForm(string Name, string Role, string OperatorSlug);
