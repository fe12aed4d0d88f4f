using System.Net.Mail;
using FluentValidation;

namespace FixIt.Application.Common;

/// <summary>Rules shared by several validators.</summary>
public static class ValidationRules
{
    /// <summary>No control characters at all: such text may end up in a mail header.</summary>
    public static IRuleBuilderOptions<T, string?> SingleLine<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(v => v is null || !v.Any(char.IsControl)).WithMessage("'{PropertyName}' must be a single line of text.");

    /// <summary>A plain addr-spec with a dotted domain; display names and comments are refused.</summary>
    public static IRuleBuilderOptions<T, string?> ValidEmail<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(IsValidEmail).WithMessage("'{PropertyName}' is not a valid email address.");

    public static bool IsValidEmail(string? value)
    {
        if (string.IsNullOrWhiteSpace(value) || value.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
        {
            return value is null or "";
        }

        return MailAddress.TryCreate(value, out var address)
            && address.Address == value
            && address.DisplayName.Length == 0
            && address.Host.Contains('.', StringComparison.Ordinal)
            && !address.Host.EndsWith('.')
            && !address.Host.StartsWith('.');
    }
}
