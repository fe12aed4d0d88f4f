using FixIt.Web.Infrastructure;

namespace FixIt.Web.Features.Moderation;

/// <summary>Who may open the moderation pages and post their forms: a signed-in admin or moderator (a key is not a person).</summary>
internal static class ModerationPages
{
    public static TBuilder ForModerators<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.RequireAuthorization(StaffAuthentication.ModeratorPagesPolicy);

    /// <summary>The form's reason, with the browser's CRLF line ends as the stored text has them.</summary>
    public static string? Field(IFormCollection form, string name) =>
        form.TryGetValue(name, out var value) ? value.ToString().Replace("\r\n", "\n", StringComparison.Ordinal) : null;
}
