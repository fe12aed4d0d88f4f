using FixIt.Application.Features.Admin.Rules;

namespace FixIt.Web.Features.Admin.Rules;

/// <summary>The routing table's filters and order, from the page's query string; the page links carry them along.</summary>
public sealed record RuleFilter(string? Area, string? Category, string? Operator, string? State, string? Sort, bool Descending)
{
    public IEnumerable<RuleView> Apply(IEnumerable<RuleView> rules, DateTimeOffset now)
    {
        if (!string.IsNullOrWhiteSpace(Area))
        {
            var text = Area.Trim();
            rules = text.Equals("anywhere", StringComparison.OrdinalIgnoreCase)
                ? rules.Where(r => r.AreaId is null)
                : rules.Where(r => Has(r.AreaName, text) || Has(r.AreaCode, text) || Has(r.AreaKind, text));
        }

        if (!string.IsNullOrEmpty(Category))
        {
            rules = rules.Where(r => Category == "*" ? r.Category is null : r.Category == Category);
        }

        if (!string.IsNullOrEmpty(Operator))
        {
            rules = rules.Where(r => r.Operator == Operator);
        }

        rules = State switch
        {
            "active" => rules.Where(r => (r.ActiveFrom is null || r.ActiveFrom <= now) && (r.ActiveTo is null || now < r.ActiveTo)),
            "ended" => rules.Where(r => r.ActiveTo <= now),
            "future" => rules.Where(r => r.ActiveFrom > now),
            _ => rules,
        };

        Func<RuleView, object?> key = Sort switch
        {
            "area" => r => r.AreaName ?? "",
            "category" => r => r.Category ?? "",
            "operator" => r => r.Operator,
            "priority" => r => r.Priority,
            "from" => r => r.ActiveFrom ?? DateTimeOffset.MinValue,
            "to" => r => r.ActiveTo ?? DateTimeOffset.MaxValue,
            _ => r => r.Id,
        };
        var ordered = Descending ? rules.OrderByDescending(key, Comparer<object?>.Default) : rules.OrderBy(key, Comparer<object?>.Default);
        return ordered.ThenBy(r => r.Id);
    }

    /// <summary>This page's address with another order, keeping the filters.</summary>
    public string Link(string sort, bool descending)
    {
        var query = new Dictionary<string, string?>
        {
            ["area"] = Area, ["category"] = Category, ["operator"] = Operator, ["state"] = State, ["sort"] = sort, ["dir"] = descending ? "desc" : null,
        };
        return Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString("/admin/rules",
            query.Where(q => !string.IsNullOrEmpty(q.Value)).Select(q => new KeyValuePair<string, string?>(q.Key, q.Value)));
    }

    private static bool Has(string? value, string text) => value?.Contains(text, StringComparison.OrdinalIgnoreCase) == true;
}
