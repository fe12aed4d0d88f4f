namespace FixIt.Application.Common;

/// <summary>
/// The languages FixIt's pages and emails are written in, as BCP 47 tags (RFC 5646), English first and the default.
/// A resident's language is one of these tags; anything else is read as English.
/// </summary>
public static class SiteLanguages
{
    /// <summary>English, the default and the language every resource is written in first.</summary>
    public const string English = "en";

    /// <summary>Welsh (Cymraeg).</summary>
    public const string Welsh = "cy";

    /// <summary>Every supported language, the default first.</summary>
    public static IReadOnlyList<string> All { get; } = [English, Welsh];

    /// <summary>
    /// The supported language a tag asks for: <c>cy</c>, <c>cy-GB</c> and <c>CY</c> are Welsh; anything else,
    /// null or empty, is English.
    /// </summary>
    public static string Normalise(string? tag)
    {
        if (string.IsNullOrWhiteSpace(tag))
        {
            return English;
        }

        var primary = tag.Split('-', 2)[0].Trim();
        return All.FirstOrDefault(l => string.Equals(l, primary, StringComparison.OrdinalIgnoreCase)) ?? English;
    }
}
