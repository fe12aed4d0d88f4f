using System.Globalization;
using Microsoft.AspNetCore.Localization;

namespace FixIt.Web.Infrastructure.Localization;

/// <summary>
/// Reads <c>Accept-Language</c> (RFC 9110 §12.5.4): of the site's languages the reader accepts, the one with the highest
/// weight (<c>q</c>), the earlier on a tie; <c>q=0</c> means "not acceptable" and never chooses a language; a range
/// matches a language when it is the language's tag or starts with it and a hyphen (<c>cy-GB</c> is <c>cy</c>).
/// <c>*</c> chooses nothing (the site's default, English). A range with a malformed weight is skipped.
/// Only the first <see cref="MaxLength"/> characters and <see cref="MaxRanges"/> ranges are read, so a header of any
/// size costs the same small, bounded work.
/// </summary>
internal static class AcceptLanguage
{
    /// <summary>Characters read; a range cut by the limit is dropped whole.</summary>
    public const int MaxLength = 2048;

    /// <summary>Language ranges read; browsers send a handful.</summary>
    public const int MaxRanges = 32;

    /// <summary>The chosen language, as spelled in <paramref name="supported"/>, or null when the header chooses none.</summary>
    public static string? Choose(string? header, IReadOnlyList<string> supported)
    {
        if (string.IsNullOrEmpty(header))
        {
            return null;
        }

        var text = header.AsSpan();
        if (text.Length > MaxLength)
        {
            text = text[..MaxLength];
            var lastComma = text.LastIndexOf(',');
            text = lastComma < 0 ? [] : text[..lastComma];
        }

        string? best = null;
        var bestWeight = 0;
        var ranges = 0;
        while (!text.IsEmpty && ranges < MaxRanges)
        {
            var comma = text.IndexOf(',');
            var item = (comma < 0 ? text : text[..comma]).Trim();
            text = comma < 0 ? [] : text[(comma + 1)..];
            if (item.IsEmpty)
            {
                continue;
            }

            ranges++;
            var semicolon = item.IndexOf(';');
            var range = (semicolon < 0 ? item : item[..semicolon]).Trim();
            if (!TryWeight(semicolon < 0 ? [] : item[(semicolon + 1)..], out var weight) || weight <= bestWeight)
            {
                continue;
            }

            if (Match(range, supported) is { } language)
            {
                (best, bestWeight) = (language, weight);
            }
        }

        return best;
    }

    /// <summary>The weight in thousandths (RFC 9110 §12.4.2 <c>qvalue</c>: 0 to 1 with up to three decimals); 1000 without a <c>q</c>.</summary>
    internal static bool TryWeight(ReadOnlySpan<char> parameters, out int weight)
    {
        weight = 1000;
        while (!parameters.IsEmpty)
        {
            var semicolon = parameters.IndexOf(';');
            var parameter = (semicolon < 0 ? parameters : parameters[..semicolon]).Trim();
            parameters = semicolon < 0 ? [] : parameters[(semicolon + 1)..];
            if (parameter.Length < 2 || (parameter[0] is not ('q' or 'Q')) || parameter[1] != '=')
            {
                continue;
            }

            return TryQValue(parameter[2..], out weight);
        }

        return true;
    }

    private static bool TryQValue(ReadOnlySpan<char> value, out int weight)
    {
        weight = 0;
        if (value.IsEmpty || value[0] is not ('0' or '1') || value.Length > 5 || (value.Length > 1 && value[1] != '.'))
        {
            return false;
        }

        var thousandths = 0;
        var scale = 100;
        foreach (var c in value.Length > 2 ? value[2..] : [])
        {
            if (c is < '0' or > '9')
            {
                return false;
            }

            thousandths += (c - '0') * scale;
            scale /= 10;
        }

        weight = ((value[0] - '0') * 1000) + thousandths;
        return weight <= 1000;
    }

    private static string? Match(ReadOnlySpan<char> range, IReadOnlyList<string> supported)
    {
        foreach (var language in supported)
        {
            if (range.Equals(language, StringComparison.OrdinalIgnoreCase)
                || (range.Length > language.Length && range[language.Length] == '-' && range.StartsWith(language, StringComparison.OrdinalIgnoreCase)))
            {
                return language;
            }
        }

        return null;
    }
}

/// <summary>
/// The request's language from <c>Accept-Language</c> by <see cref="AcceptLanguage.Choose"/>. It replaces ASP.NET Core's
/// <see cref="AcceptLanguageHeaderRequestCultureProvider"/>, which reads ranges in their written order, only the first
/// three, and takes <c>q=0</c> as a wish.
/// </summary>
internal sealed class WeightedAcceptLanguageProvider(IEnumerable<CultureInfo> supported) : RequestCultureProvider
{
    private readonly string[] languages = supported.Select(c => c.Name).ToArray();

    public override Task<ProviderCultureResult?> DetermineProviderCultureResult(HttpContext httpContext)
    {
        var header = httpContext.Request.Headers.AcceptLanguage;
        var language = header.Count == 0 ? null : AcceptLanguage.Choose(header.ToString(), languages);
        return language is null ? NullProviderCultureResult : Task.FromResult<ProviderCultureResult?>(new ProviderCultureResult(language));
    }
}
