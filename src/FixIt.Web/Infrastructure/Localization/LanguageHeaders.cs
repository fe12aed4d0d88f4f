using Microsoft.AspNetCore.Localization;
using Microsoft.Net.Http.Headers;

namespace FixIt.Web.Infrastructure.Localization;

/// <summary>
/// Tells caches that an answer depends on the reader's language: every response after the localisation middleware
/// (pages, feeds, Open311, JSON; not the static files, answered before it) says which language it is in
/// (<c>Content-Language</c>, the request's UI culture) and <c>Vary: Accept-Language, Cookie</c> (the language comes from
/// the switcher's cookie, then <c>Accept-Language</c>), merged with any <c>Vary</c> already set.
/// <c>Cache-Control</c> is left as each endpoint set it.
/// </summary>
internal static class LanguageHeaders
{
    private static readonly string[] VaryBy = [HeaderNames.AcceptLanguage, HeaderNames.Cookie];

    public static IApplicationBuilder UseLanguageHeaders(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            if (context.Features.Get<IRequestCultureFeature>()?.RequestCulture.UICulture.Name is { Length: > 0 } language
                && headers.ContentLanguage.Count == 0)
            {
                headers.ContentLanguage = language;
            }

            headers.Vary = MergeVary(headers.Vary);
            return Task.CompletedTask;
        });
        return next(context);
    });

    /// <summary>The existing <c>Vary</c> field names with Accept-Language and Cookie added once; <c>*</c> stays as it is.</summary>
    internal static string MergeVary(IEnumerable<string?> existing)
    {
        var names = existing
            .SelectMany(v => (v ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            .ToList();
        if (names.Contains("*"))
        {
            return "*";
        }

        names.AddRange(VaryBy.Where(v => !names.Contains(v, StringComparer.OrdinalIgnoreCase)));
        return string.Join(", ", names.Distinct(StringComparer.OrdinalIgnoreCase));
    }
}
