using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;

namespace FixIt.Web.Features.Admin;

/// <summary>
/// The resource class of the administrators' console: its menu, sign-in, areas, operators, categories, rules and dry run,
/// API keys and unrouted reports, and the notices and form errors those pages make. Resources/Features/Admin/ConsolePages(.cy).resx.
/// </summary>
internal sealed class ConsolePages
{
    /// <summary>
    /// The text <paramref name="key"/> with <paramref name="codes"/> (a file's column names, a kind: typed as they are, whatever
    /// the language) as its first format items, each in <c>&lt;code&gt;</c>, and <paramref name="arguments"/> after them; all
    /// encoded, so the resources hold no HTML.
    /// </summary>
    public static MarkupString WithCode(IStringLocalizer<ConsolePages> text, string key, string[] codes, params object[] arguments) =>
        new(string.Format(CultureInfo.CurrentCulture, WebUtility.HtmlEncode(text[key].Value),
            [.. codes.Select(c => (object)$"<code>{WebUtility.HtmlEncode(c)}</code>"),
                .. arguments.Select(a => (object)WebUtility.HtmlEncode(Convert.ToString(a, CultureInfo.CurrentCulture) ?? ""))]));
}
