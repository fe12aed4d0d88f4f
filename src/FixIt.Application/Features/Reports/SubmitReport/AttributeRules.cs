using System.Globalization;
using FixIt.Application.Common;
using FixIt.Domain.Categories;
using FixIt.Domain.Text;

namespace FixIt.Application.Features.Reports.SubmitReport;

/// <summary>Checks answers to a category's extra questions against the questions' data types and value lists.</summary>
public static class AttributeRules
{
    public const int MaxValueLength = 1000;
    public const int MaxValues = 50;

    /// <summary>Each problem as (field, message); the field is named as Open311 names it: attribute[code].</summary>
    public static IEnumerable<(string Field, string Message)> Check(
        IReadOnlyList<ExtraQuestion> questions, IReadOnlyDictionary<string, IReadOnlyList<string>> answers)
    {
        var known = questions.Select(q => q.Code).ToHashSet(StringComparer.Ordinal);
        foreach (var code in answers.Keys.Where(k => !known.Contains(k)).Order(StringComparer.Ordinal))
        {
            yield return (Field(code), ValidationText.Get("AttributeUnknown", code));
        }

        foreach (var question in questions.OrderBy(q => q.Order))
        {
            var values = answers.TryGetValue(question.Code, out var given)
                ? given.Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v.Trim()).ToList()
                : [];
            if (CheckOne(question, values) is { } message)
            {
                yield return (Field(question.Code), message);
            }
        }
    }

    public static bool IsHttpUrl(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
        && uri.Host.Length > 0;

    private static string? CheckOne(ExtraQuestion question, List<string> values)
    {
        if (values.Count == 0)
        {
            return question.Required ? ValidationText.Get("AttributeRequired", question.Code, question.Question) : null;
        }

        if (values.Count > MaxValues || values.Any(v => !TextElements.Fits(v, MaxValueLength)))
        {
            return ValidationText.Get("AttributeTooMany", question.Code, MaxValues, MaxValueLength);
        }

        if (values.Select(v => ValidationRules.UnsafeCharacterMessage(v, $"'{question.Code}'")).FirstOrDefault(m => m is not null) is { } unsafeText)
        {
            return unsafeText;
        }

        if (question.DataType != "multivaluelist" && values.Count > 1)
        {
            return ValidationText.Get("AttributeOneValue", question.Code);
        }

        var value = values[0];
        var keys = question.Values.Select(v => v.Key).ToHashSet(StringComparer.Ordinal);
        return question.DataType switch
        {
            "singlevaluelist" or "multivaluelist" when values.FirstOrDefault(v => !keys.Contains(v)) is { } bad =>
                ValidationText.Get("AttributeNotAValue", bad, question.Code, string.Join(", ", question.Values.Select(v => v.Key))),
            "number" when !double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) || !double.IsFinite(number) =>
                ValidationText.Get("AttributeNumber", question.Code),
            "datetime" when !DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out _) =>
                ValidationText.Get("AttributeDateTime", question.Code),
            "string" or "number" or "datetime" or "singlevaluelist" or "multivaluelist" when values.Any(v => v.Any(char.IsControl)) =>
                ValidationText.Get("AttributeSingleLine", question.Code),
            _ => null,
        };
    }

    private static string Field(string code) => $"attribute[{code}]";
}
