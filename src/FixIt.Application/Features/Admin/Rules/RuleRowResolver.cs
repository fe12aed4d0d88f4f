using System.Globalization;
using FixIt.Application.Abstractions;
using FixIt.Application.Routing;
using FixIt.Domain.Routing;
using FluentValidation;
using FluentValidation.Results;
using Microsoft.EntityFrameworkCore;

namespace FixIt.Application.Features.Admin.Rules;

/// <summary>
/// Turns rule rows (from the API or a CSV file) into rules, naming every missing area, category or operator and
/// every unreadable value with its line. All rows must be good before any is saved.
/// </summary>
internal static class RuleRowResolver
{
    public static async Task<List<RoutingRule>> ResolveAsync(IFixItDb db, IReadOnlyList<RuleRow> rows, CancellationToken cancellationToken)
    {
        var areas = await db.Areas.AsNoTracking().Select(a => new { a.Id, a.Kind, a.Code })
            .ToDictionaryAsync(a => (a.Kind, a.Code), a => a.Id, cancellationToken);
        var categories = await db.Categories.AsNoTracking().ToDictionaryAsync(c => c.Code, c => c.Id, cancellationToken);
        var operators = await db.Operators.AsNoTracking().ToDictionaryAsync(o => o.Slug, o => o.Id, cancellationToken);

        var rules = new List<RoutingRule>();
        var errors = new List<ValidationFailure>();
        foreach (var row in rows)
        {
            void Fail(string field, string message) =>
                errors.Add(new ValidationFailure(row.Line == 0 ? field : $"line {row.Line}", row.Line == 0 ? message : $"Line {row.Line}: {message}"));

            var rule = new RoutingRule();
            var (kind, code) = (Blank(row.AreaKind), Blank(row.AreaCode));
            if ((kind is null) != (code is null))
            {
                Fail("areaCode", "give both the area kind and the area code, or neither for anywhere.");
            }
            else if (kind is not null && !areas.TryGetValue((kind, code!), out var areaId))
            {
                Fail("areaCode", $"there is no area of kind '{kind}' with code '{code}'.");
            }
            else if (kind is not null)
            {
                rule.AreaId = areas[(kind, code!)];
            }

            if (Blank(row.Category) is { } category)
            {
                if (categories.TryGetValue(category, out var categoryId))
                {
                    rule.CategoryId = categoryId;
                }
                else
                {
                    Fail("category", $"there is no category '{category}'.");
                }
            }

            if (Blank(row.Operator) is not { } slug)
            {
                Fail("operator", "the operator is required.");
            }
            else if (operators.TryGetValue(slug, out var operatorId))
            {
                rule.OperatorId = operatorId;
            }
            else
            {
                Fail("operator", $"there is no operator '{slug}'.");
            }

            if (Blank(row.Priority) is { } priority && !int.TryParse(priority, NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed))
            {
                Fail("priority", $"'{priority}' is not a whole number.");
            }
            else
            {
                rule.Priority = Blank(row.Priority) is null ? 0 : int.Parse(row.Priority!.Trim(), CultureInfo.InvariantCulture);
            }

            rule.ActiveFrom = Time(row.ActiveFrom, "activeFrom", Fail);
            rule.ActiveTo = Time(row.ActiveTo, "activeTo", Fail);
            if (rule.ActiveFrom >= rule.ActiveTo)
            {
                Fail("activeTo", "the rule must end after it starts.");
            }

            rules.Add(rule);
        }

        return errors.Count > 0 ? throw new ValidationException(errors) : rules;
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static DateTimeOffset? Time(string? value, string field, Action<string, string> fail)
    {
        if (Blank(value) is not { } text)
        {
            return null;
        }

        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time))
        {
            return time.ToUniversalTime();
        }

        fail(field, $"'{text}' is not a date and time (use ISO 8601, like 2026-01-31T00:00:00Z).");
        return null;
    }
}
