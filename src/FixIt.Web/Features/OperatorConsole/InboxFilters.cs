using System.Globalization;
using FixIt.Application.Features.OperatorConsole.Inbox;
using FixIt.Application.Features.Operators.GetOperatorFigures;
using FixIt.Domain.Reports;
using FixIt.Web.Features.Operators;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Primitives;

namespace FixIt.Web.Features.OperatorConsole;

/// <summary>
/// The inbox's filters as the address carries them (<c>status, category, area, age, late, sort, view, page</c>), so a
/// filtered list is a link, and the map and the list of one filter are the same query. Values that cannot be read are
/// treated as "no filter", never as an error: this is a GET form of choices.
/// </summary>
public sealed record InboxFilters(string Status, string? Category, int? Area, int? Age, bool PastTarget, InboxOrder Order, bool MapView, int Page)
{
    /// <summary>
    /// The status choices: every status type, then each public status ("only-" and the API's name, e.g. "only-inProgress"),
    /// in English: the page shows a status's words as "Only: " and the status word, looked up in the reader's language.
    /// </summary>
    public static readonly IReadOnlyList<(string Value, string Text)> StatusChoices =
    [
        ("", "Any status"),
        ("open", "Unresolved (any open status)"),
        ("fixed", "Fixed"),
        ("closed", "Closed"),
        .. ReportStatusRules.PublicStatuses.Select(s => ("only-" + ReportExports.StatusName(s), ReportStatusWording.Of(s))),
    ];

    public static InboxFilters Read(IEnumerable<KeyValuePair<string, StringValues>> values)
    {
        var all = values.ToDictionary(v => v.Key, v => v.Value.ToString(), StringComparer.Ordinal);
        var status = all.GetValueOrDefault("status", "open");
        return new InboxFilters(
            StatusChoices.Any(c => c.Value == status) ? status : "open",
            string.IsNullOrWhiteSpace(all.GetValueOrDefault("category")) ? null : all["category"],
            Number(all.GetValueOrDefault("area")),
            Number(all.GetValueOrDefault("age"), 36_500),
            all.GetValueOrDefault("late") is "1" or "on" or "true",
            all.GetValueOrDefault("sort") == "overdue" ? InboxOrder.MostOverdue : InboxOrder.Newest,
            all.GetValueOrDefault("view") == "map",
            Number(all.GetValueOrDefault("page"), 100_000) ?? 1);
    }

    public IReadOnlyList<ReportStatus>? Statuses => Status switch
    {
        "" => null,
        "open" => ReportStatusRules.StatusesOf(StatusType.Open),
        "fixed" => ReportStatusRules.StatusesOf(StatusType.Fixed),
        "closed" => ReportStatusRules.StatusesOf(StatusType.Closed),
        var name => [.. ReportStatusRules.PublicStatuses.Where(s => "only-" + ReportExports.StatusName(s) == name)],
    };

    /// <summary>The map shows up to the page size's maximum at once; the list a page of the default size.</summary>
    public InboxQuery ToQuery(OperatorInfo op) =>
        new(op, Statuses, Category, Area, Age, PastTarget, Order, MapView ? 1 : Page, MapView ? InboxQuery.MaxPageSize : InboxQuery.DefaultPageSize);

    /// <summary>This filter's address, with another page or view.</summary>
    public string Link(string slug, int? page = null, bool? map = null)
    {
        var query = new Dictionary<string, string?>(StringComparer.Ordinal);
        if (Status != "open")
        {
            // "status=" is "any status", which differs from the default (unresolved).
            query["status"] = Status;
        }

        Add(query, "category", Category);
        Add(query, "area", Area?.ToString(CultureInfo.InvariantCulture));
        Add(query, "age", Age?.ToString(CultureInfo.InvariantCulture));
        Add(query, "late", PastTarget ? "1" : null);
        Add(query, "sort", Order == InboxOrder.MostOverdue ? "overdue" : null);
        Add(query, "view", map ?? MapView ? "map" : null);
        Add(query, "page", (page ?? Page) is var p and > 1 ? p.ToString(CultureInfo.InvariantCulture) : null);
        return QueryHelpers.AddQueryString($"/operator/{slug}", query);
    }

    /// <summary>The filter as hidden fields, so the bulk form returns to the same list.</summary>
    public IEnumerable<(string Name, string Value)> Fields()
    {
        yield return ("status", Status);
        yield return ("category", Category ?? "");
        yield return ("area", Area?.ToString(CultureInfo.InvariantCulture) ?? "");
        yield return ("age", Age?.ToString(CultureInfo.InvariantCulture) ?? "");
        yield return ("late", PastTarget ? "1" : "");
        yield return ("sort", Order == InboxOrder.MostOverdue ? "overdue" : "");
        yield return ("view", MapView ? "map" : "");
        yield return ("page", Page.ToString(CultureInfo.InvariantCulture));
    }

    private static void Add(Dictionary<string, string?> query, string name, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            query[name] = value;
        }
    }

    private static int? Number(string? text, int max = int.MaxValue) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 && n <= max ? n : null;
}
