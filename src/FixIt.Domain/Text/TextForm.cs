using System.Text;

namespace FixIt.Domain.Text;

/// <summary>
/// Text in Unicode Normalization Form C (UAX #15): "é" typed as e + U+0301, Hangul typed as jamo, and other
/// decomposed input stored and compared in the composed form every keyboard and search engine expects. Needs the
/// runtime's ICU (the build turns globalization-invariant mode off for this: ADR 0055); text that cannot be
/// normalised (an unpaired surrogate) is returned as it is, for validation or <see cref="TextCharacters"/> to deal with.
/// </summary>
public static class TextForm
{
    public static string Nfc(string text)
    {
        // ASCII is always in NFC; most text is, and IsNormalized is a cheap check that allocates nothing.
        if (text.Length == 0 || Ascii.IsValid(text))
        {
            return text;
        }

        try
        {
            return text.IsNormalized(NormalizationForm.FormC) ? text : text.Normalize(NormalizationForm.FormC);
        }
        catch (ArgumentException)
        {
            return text;
        }
    }

    public static string? NfcOrNull(string? text) => text is null ? null : Nfc(text);
}
