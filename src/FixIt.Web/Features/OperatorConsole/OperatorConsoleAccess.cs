using FixIt.Application.Common;
using FixIt.Web.Infrastructure;

namespace FixIt.Web.Features.OperatorConsole;

/// <summary>Who may enter the operator console, and who is calling.</summary>
internal static class OperatorConsoleAccess
{
    /// <summary>
    /// A staff cookie of an admin or operator staff: anyone else signed in gets the 403 page, an anonymous visitor the sign-in
    /// page. Which operator they may open is the use cases' rule (<c>ConsoleOperatorQuery</c>), checked on every request.
    /// </summary>
    public static TBuilder RequireConsoleStaff<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.RequireAuthorization(StaffAuthentication.OperatorConsolePolicy);

    public static StaffCaller Caller(HttpContext context) =>
        StaffAuthentication.Caller(context.User) ?? throw new InvalidOperationException("The console's policy lets only signed-in staff in.");
}
