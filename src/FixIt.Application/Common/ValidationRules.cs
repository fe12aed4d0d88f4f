using FixIt.Domain.Text;
using FluentValidation;

namespace FixIt.Application.Common;

/// <summary>Rules shared by several validators.</summary>
public static class ValidationRules
{
    /// <summary>No control characters at all: such text may end up in a mail header. Covers <see cref="PrintableText{T}"/> too.</summary>
    public static IRuleBuilderOptions<T, string?> SingleLine<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(v => v is null || !v.Any(char.IsControl) && TextCharacters.IndexOfUnsafe(v, out _) < 0)
            .WithMessage((_, v) => UnsafeCharacterMessage(v) ?? "'{PropertyName}' must be a single line of text.");

    /// <summary>
    /// Text that can be stored and shown: no control characters other than tab and line breaks, no noncharacters
    /// (U+FFFE, U+FDD0…), no broken surrogate pairs (<see cref="TextCharacters"/>). The message names the character.
    /// </summary>
    public static IRuleBuilderOptions<T, string?> PrintableText<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(v => v is null || TextCharacters.IndexOfUnsafe(v, out _) < 0).WithMessage((_, v) => UnsafeCharacterMessage(v) ?? "");

    /// <summary>"'{PropertyName}' contains a character that is not allowed (U+0001 at position 5).", or null for safe text.</summary>
    public static string? UnsafeCharacterMessage(string? value, string name = "'{PropertyName}'") =>
        value is not null && TextCharacters.IndexOfUnsafe(value, out var codePoint) is var at and >= 0
            ? $"{name} contains a character that is not allowed ({TextCharacters.Describe(codePoint)} at position {at + 1})."
            : null;

    /// <summary>An address someone can receive mail at (<see cref="EmailAddresses.IsDeliverable"/>).</summary>
    public static IRuleBuilderOptions<T, string?> ValidEmail<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(IsValidEmail).WithMessage((_, v) => EmailMessage(v));

    /// <summary>Why an address is refused: the invisible character by code point and position, or "not a valid email address".</summary>
    public static string EmailMessage(string? value, string name = "'{PropertyName}'") =>
        value is not null && EmailAddresses.IndexOfInvisible(value, out var codePoint) is var at and >= 0
            ? $"{name} contains an invisible character ({TextCharacters.Describe(codePoint)} at position {at + 1}); type the address again without it."
            : $"{name} is not a valid email address.";

    /// <summary>Null or empty passes (NotEmpty says that); anything else must be <see cref="EmailAddresses.IsDeliverable"/>.</summary>
    public static bool IsValidEmail(string? value) => string.IsNullOrEmpty(value) || EmailAddresses.IsDeliverable(value);
}
