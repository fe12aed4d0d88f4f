using System.Globalization;
using System.Text.RegularExpressions;
using FixIt.Domain.Routing;
using Microsoft.Extensions.Localization;

namespace FixIt.Web.Features.Admin;

/// <summary>
/// The technical form of a routing decision (<see cref="RoutingWording.Technical"/>: "rule 3: Demo City × any category →
/// Demo City Council", or a dry run's "new rule: …") in the reader's language for staff pages: the same parts and order,
/// only the words changed. Any other text is shown as it is.
/// </summary>
internal static partial class ConsoleRouting
{
    public static string Technical(string explanation, IStringLocalizer<ConsolePages> text)
    {
        if (explanation is RoutingWording.NoRule or RoutingWording.AllDeclined)
        {
            return text[explanation];
        }

        var match = RulePrefix().Match(explanation);
        if (!match.Success || RoutingWording.Parts("rule 0" + explanation[match.Length..]) is not { } parts)
        {
            return explanation;
        }

        var (op, area, category) = parts;
        var rule = match.Groups["id"].Success
            ? text["rule {0}", int.Parse(match.Groups["id"].Value, CultureInfo.InvariantCulture)].Value
            : text["new rule"].Value;
        return (area, category) switch
        {
            (null, null) => text["{0}: anywhere × any category → {1}", rule, op],
            (null, { } c) => text["{0}: anywhere × {1} → {2}", rule, c, op],
            ({ } a, null) => text["{0}: {1} × any category → {2}", rule, a, op],
            ({ } a, { } c) => text["{0}: {1} × {2} → {3}", rule, a, c, op],
        };
    }

    [GeneratedRegex(@"^(?:rule (?<id>\d+)|new rule)(?=: )", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex RulePrefix();
}
