using FluentValidation;

namespace FixIt.Application.Common;

/// <summary>Rules shared by several validators.</summary>
public static class ValidationRules
{
    /// <summary>No control characters at all: such text may end up in a mail header.</summary>
    public static IRuleBuilderOptions<T, string?> SingleLine<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(v => v is null || !v.Any(char.IsControl)).WithMessage("'{PropertyName}' must be a single line of text.");

    /// <summary>An address someone can receive mail at (<see cref="EmailAddresses.IsDeliverable"/>).</summary>
    public static IRuleBuilderOptions<T, string?> ValidEmail<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(IsValidEmail).WithMessage("'{PropertyName}' is not a valid email address.");

    /// <summary>Null or empty passes (NotEmpty says that); anything else must be <see cref="EmailAddresses.IsDeliverable"/>.</summary>
    public static bool IsValidEmail(string? value) => string.IsNullOrEmpty(value) || EmailAddresses.IsDeliverable(value);
}
