using System.Text.RegularExpressions;

namespace FixIt.Domain.Routing;

/// <summary>
/// The two ways a routing decision is told. Staff and the APIs get the technical form, stored on the report and its
/// timeline ("rule 3: Demo City × any category → Demo City Council"); public pages get plain words made from it
/// ("Demo City Council handles all problems in Demo City"). Both are made here, so the one can always be read back.
/// </summary>
public static partial class RoutingWording
{
    public const string NoRule = "No routing rule covers this place and category; waiting for an administrator.";

    public const string AllDeclined = "Every responsible organisation has declined this report; waiting for an administrator.";

    private const string Anywhere = "anywhere";

    private const string AnyCategory = "any category";

    /// <summary>The technical form: which rule matched, for which area and category, and where it sends the report.</summary>
    public static string Technical(int ruleId, string? areaName, string? categoryName, string operatorName) =>
        $"rule {ruleId}: {areaName ?? Anywhere} × {categoryName ?? AnyCategory} → {operatorName}";

    /// <summary>A technical explanation (or any text in a routing event) in words a resident reads; other text unchanged.</summary>
    public static string Plain(string explanation)
    {
        switch (explanation)
        {
            case NoRule:
                return "No organisation has said it handles this kind of problem here yet; an administrator will decide who gets it.";
            case AllDeclined:
                return "Every organisation that could handle it has said it is not theirs; an administrator will decide who gets it.";
        }

        var match = TechnicalPattern().Match(explanation);
        if (!match.Success)
        {
            return explanation;
        }

        var where = match.Groups["where"].Value;
        var what = match.Groups["what"].Value;
        var problems = what == AnyCategory ? "all problems" : $"reports about {what}";
        var place = where == Anywhere ? "everywhere" : $"in {where}";
        return $"{match.Groups["operator"].Value} handles {problems} {place}.";
    }

    /// <summary>
    /// The parts of a technical explanation, for pages that word it in another language: the organisation, and the
    /// area and category names (null for anywhere and any category); null for any other text.
    /// </summary>
    public static (string Operator, string? Area, string? Category)? Parts(string explanation)
    {
        var match = TechnicalPattern().Match(explanation);
        if (!match.Success)
        {
            return null;
        }

        var where = match.Groups["where"].Value;
        var what = match.Groups["what"].Value;
        return (match.Groups["operator"].Value, where == Anywhere ? null : where, what == AnyCategory ? null : what);
    }

    [GeneratedRegex(@"^rule \d+: (?<where>.+) × (?<what>.+) → (?<operator>.+)$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex TechnicalPattern();
}
