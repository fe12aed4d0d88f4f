using FixIt.Application.Common;
using FixIt.Web.Infrastructure;
using FluentValidation;
using Microsoft.AspNetCore.Identity;

namespace FixIt.Web.Features.OperatorConsole;

/// <summary>What every operator console endpoint shares: who may enter, who is calling, and how a refused form is described.</summary>
internal static class ConsoleForms
{
    /// <summary>
    /// A staff cookie of an admin or operator staff: anyone else signed in gets the 403 page, an anonymous visitor the sign-in
    /// page. Which operator they may open is the use cases' rule (<c>ConsoleOperatorQuery</c>), checked on every request.
    /// </summary>
    public static TBuilder RequireConsoleStaff<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.RequireAuthorization(p => p.AddAuthenticationSchemes(IdentityConstants.ApplicationScheme).RequireRole(StaffRoles.Admin, StaffRoles.Operator));

    public static StaffCaller Caller(HttpContext context) =>
        StaffAuthentication.Caller(context.User) ?? throw new InvalidOperationException("The console's policy lets only signed-in staff in.");

    /// <summary>A validation failure as the form's fields: the field name each message belongs to (camelCase, as the inputs are named).</summary>
    public static Dictionary<string, string[]> Errors(ValidationException ex) =>
        ex.Errors.GroupBy(e => Field(e.PropertyName)).ToDictionary(g => g.Key, g => g.Select(e => e.ErrorMessage).Distinct().ToArray());

    private static string Field(string name) => name.Length == 0 ? "form" : char.ToLowerInvariant(name[0]) + name[1..];
}
