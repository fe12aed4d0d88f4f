using System.Text.Json;
using FixIt.Application.Common;
using FixIt.Domain.Text;
using FluentValidation;

namespace FixIt.Application.Features.Moderation;

/// <summary>What every moderation command shares: a reason is required, and the audit log's before/after JSON.</summary>
internal static class ModerationRules
{
    /// <summary>The reason every moderation action takes: required, one paragraph of printable text.</summary>
    public static void Reason<T>(this IRuleBuilder<T, string?> rule) =>
        rule.NotEmpty().WithMessage("Give a reason for this action (up to 1,000 characters); it is kept in the audit log.")
            .MaxCharacters(TextLimits.ModerationReason)
            .PrintableText();

    /// <summary>The changed fields as the audit log keeps them: a JSON object, null when nothing is given.</summary>
    public static string? Json(IReadOnlyDictionary<string, object?>? fields) =>
        fields is null || fields.Count == 0 ? null : JsonSerializer.Serialize(fields);
}
