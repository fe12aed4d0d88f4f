using System.Globalization;
using FixIt.Application.Features.Admin.Rules;
using Microsoft.Extensions.Localization;

namespace FixIt.Web.Features.Admin.Rules;

/// <summary>A rule's fields as a console form (or a dry run's query string) holds them: text, so a bad value comes back as typed.</summary>
public sealed record RuleForm(string? AreaKind, string? AreaCode, string? Category, string? Operator, string? Priority, string? ActiveFrom,
    string? ActiveTo)
{
    public static readonly RuleForm Empty = new(null, null, null, null, "0", null, null);

    public static RuleForm Read(Func<string, string?> field) =>
        new(field("areaKind"), field("areaCode"), field("category"), field("operator"), field("priority"), field("activeFrom"), field("activeTo"));

    public static RuleForm Of(RuleView rule) => new(rule.AreaKind, rule.AreaCode, rule.Category, rule.Operator,
        rule.Priority.ToString(CultureInfo.InvariantCulture), Local(rule.ActiveFrom), Local(rule.ActiveTo));

    /// <summary>The values as the use cases take them, or the fields that are not numbers or times.</summary>
    internal bool TryParse(IStringLocalizer<ConsolePages> text, out int priority, out DateTimeOffset? from, out DateTimeOffset? to,
        out Dictionary<string, string[]> errors)
    {
        errors = new(StringComparer.Ordinal);
        priority = 0;
        if (!string.IsNullOrWhiteSpace(Priority) && !int.TryParse(Priority.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out priority))
        {
            errors["priority"] = [text["The priority must be a whole number, like 0, 10 or -100."]];
        }

        from = Time(ActiveFrom, "activeFrom", text, errors);
        to = Time(ActiveTo, "activeTo", text, errors);
        return errors.Count == 0;
    }

    /// <summary>The browser's datetime-local value ("2026-01-31T08:00"), read as UTC like every time FixIt stores.</summary>
    private static DateTimeOffset? Time(string? text, string field, IStringLocalizer<ConsolePages> words, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (DateTimeOffset.TryParse(text.Trim(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var at))
        {
            return at;
        }

        errors[field] = [words["'{0}' is not a date and time; use the date picker or {1} (UTC).", text.Trim(), "2026-01-31T08:00"]];
        return null;
    }

    private static string? Local(DateTimeOffset? at) => at?.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);

    /// <summary>The names a use case's failures carry, mapped to this form's fields.</summary>
    public static readonly Dictionary<string, string> Fields = new(StringComparer.Ordinal)
    {
        ["areaCode"] = "areaCode", ["AreaCode"] = "areaCode", ["AreaKind"] = "areaKind", ["category"] = "category", ["operator"] = "operator",
        ["Operator"] = "operator", ["priority"] = "priority", ["activeFrom"] = "activeFrom", ["activeTo"] = "activeTo",
    };
}
