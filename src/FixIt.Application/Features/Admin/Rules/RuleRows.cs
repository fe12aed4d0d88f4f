using System.Globalization;
using FixIt.Application.Routing;

namespace FixIt.Application.Features.Admin.Rules;

/// <summary>A rule given field by field (API, console) as the row <see cref="RuleRowResolver"/> reads; line 0 names fields, not lines.</summary>
internal static class RuleRows
{
    public static RuleRow Of(string? areaKind, string? areaCode, string? category, string? @operator, int priority,
        DateTimeOffset? activeFrom, DateTimeOffset? activeTo) =>
        new(0, areaKind, areaCode, category, @operator, priority.ToString(CultureInfo.InvariantCulture),
            activeFrom?.ToString("O", CultureInfo.InvariantCulture), activeTo?.ToString("O", CultureInfo.InvariantCulture));
}
