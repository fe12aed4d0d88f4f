using System.Buffers;
using System.Globalization;
using FixIt.Domain.Text;
using FluentValidation;

namespace FixIt.Application.Common;

/// <summary>Rules shared by several validators.</summary>
public static class ValidationRules
{
    /// <summary>
    /// No control characters at all: such text may end up in a mail header. Covers <see cref="PrintableText{T}"/> too.
    /// Also refused: the line and paragraph separators (U+2028, U+2029) and the bidi embedding, override and isolate
    /// controls (U+202A–U+202E, U+2066–U+2069), which reorder the text shown after them (a title, a name, a Subject);
    /// the marks U+200E/U+200F change nothing around them and are allowed.
    /// </summary>
    public static IRuleBuilderOptions<T, string?> SingleLine<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(v => v is null || !v.Any(char.IsControl) && TextCharacters.IndexOfUnsafe(v, out _) < 0
                && v.AsSpan().IndexOfAny(NotOnOneLine) < 0 && !IsInvisible(v))
            .WithMessage((_, v) => UnsafeCharacterMessage(v) ?? NotOnOneLineMessage(v) ?? InvisibleMessage(v) ?? ValidationText.Get("SingleLine", PropertyName));

    /// <summary>
    /// At most <see cref="TextLimit.Characters"/> characters as a person counts them (<see cref="TextElements"/>: an
    /// emoji, a flag or a letter with its accents is one), in the NFC form the text is stored in; and no longer than its
    /// column (<see cref="TextLimit.StorageLength"/> code units), which only text piling marks on its letters reaches.
    /// Messages say "N characters" counted the same way. Null passes (NotEmpty says that).
    /// </summary>
    public static IRuleBuilderOptions<T, string?> MaxCharacters<T>(this IRuleBuilder<T, string?> rule, TextLimit limit) =>
        rule.Must(v => v is null || TextElements.Fits(v, limit.Characters) && TextForm.Nfc(v).Length <= limit.StorageLength)
            .WithMessage((_, v) => TooLongMessage(v, limit));

    /// <summary>Why a text is over its limit, counted as <see cref="MaxCharacters{T}"/> counts.</summary>
    public static string TooLongMessage(string? value, TextLimit limit, string name = "'{PropertyName}'")
    {
        var count = TextElements.Count(value);
        return count > limit.Characters
            ? ValidationText.Get("TooLong", name, limit.Characters, count)
            : ValidationText.Get(count == 1 ? "TooLongToStoreOne" : "TooLongToStore", name, count, TextForm.Nfc(value ?? "").Length, limit.StorageLength);
    }

    /// <summary>
    /// Text that can be stored and shown: no control characters other than tab and line breaks, no noncharacters
    /// (U+FFFE, U+FDD0…), no broken surrogate pairs (<see cref="TextCharacters"/>). The message names the character.
    /// </summary>
    public static IRuleBuilderOptions<T, string?> PrintableText<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(v => v is null || TextCharacters.IndexOfUnsafe(v, out _) < 0 && !IsInvisible(v))
            .WithMessage((_, v) => UnsafeCharacterMessage(v) ?? InvisibleMessage(v) ?? "");

    /// <summary>
    /// Text with something in it but nothing to see: only whitespace and invisible characters (format characters
    /// such as U+200B, fillers such as U+3164), at least one of them invisible. Whitespace alone is NotEmpty's to refuse.
    /// </summary>
    public static bool IsInvisible(string value) =>
        value.Length > 0 && value.Any(IsInvisibleCharacter) && value.All(c => char.IsWhiteSpace(c) || IsInvisibleCharacter(c));

    // FluentValidation's placeholder, passed to the resources as an argument so they need no escaped braces.
    private const string PropertyName = "'{PropertyName}'";

    private static readonly SearchValues<char> NotOnOneLine = SearchValues.Create("\u2028\u2029\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069");

    private static bool IsInvisibleCharacter(char c) =>
        char.GetUnicodeCategory(c) == UnicodeCategory.Format || c is '\u115F' or '\u1160' or '\u3164' or '\uFFA0' or '\u2800';

    private static string? NotOnOneLineMessage(string? value) =>
        value?.AsSpan().IndexOfAny(NotOnOneLine) is { } at and >= 0
            ? ValidationText.Get("NotOnOneLine", PropertyName, TextCharacters.Describe(value[at]), at + 1)
            : null;

    private static string? InvisibleMessage(string? value) =>
        value is not null && IsInvisible(value) ? ValidationText.Get("Invisible", PropertyName) : null;

    /// <summary>"'{PropertyName}' contains a character that is not allowed (U+0001 at position 5).", or null for safe text.</summary>
    public static string? UnsafeCharacterMessage(string? value, string name = "'{PropertyName}'") =>
        value is not null && TextCharacters.IndexOfUnsafe(value, out var codePoint) is var at and >= 0
            ? ValidationText.Get("Unsafe", name, TextCharacters.Describe(codePoint), at + 1)
            : null;

    /// <summary>An address someone can receive mail at (<see cref="EmailAddresses.IsDeliverable"/>).</summary>
    public static IRuleBuilderOptions<T, string?> ValidEmail<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(IsValidEmail).WithMessage((_, v) => EmailMessage(v));

    /// <summary>Why an address is refused: the invisible character by code point and position, or "not a valid email address".</summary>
    public static string EmailMessage(string? value, string name = "'{PropertyName}'") =>
        value is not null && EmailAddresses.IndexOfInvisible(value, out var codePoint) is var at and >= 0
            ? ValidationText.Get("EmailInvisible", name, TextCharacters.Describe(codePoint), at + 1)
            : ValidationText.Get("EmailInvalid", name);

    /// <summary>Null or empty passes (NotEmpty says that); anything else must be <see cref="EmailAddresses.IsDeliverable"/>.</summary>
    public static bool IsValidEmail(string? value) => string.IsNullOrEmpty(value) || EmailAddresses.IsDeliverable(value);
}
