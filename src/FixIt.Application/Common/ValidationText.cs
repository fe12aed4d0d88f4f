using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace FixIt.Application.Common;

/// <summary>
/// FixIt's own validation messages, in the current UI culture (the request's), from <c>Resources/Common/ValidationText(.cy).resx</c>.
/// FluentValidation's built-in messages ("must not be empty") come from its LanguageManager, which has Welsh of its own.
/// Arguments fill the resource's <c>{0}</c>, <c>{1}</c>…; FluentValidation's placeholders (<c>{PropertyName}</c>) are passed as
/// arguments, so no resource needs escaped braces.
/// </summary>
public static class ValidationText
{
    // The rules are static extension methods, and a message is made when a rule fails (in that request's culture), so the
    // localizer is made once over the resource files, as the container would make it.
    private static readonly IStringLocalizer Localizer = new ResourceManagerStringLocalizerFactory(
        Options.Create(new LocalizationOptions { ResourcesPath = "Resources" }), NullLoggerFactory.Instance).Create(typeof(ValidationText));

    /// <summary>The message <paramref name="key"/> in the current UI culture, formatted with <paramref name="arguments"/>.</summary>
    public static string Get(string key, params object[] arguments) => Localizer[key, arguments];

    /// <summary>As <see cref="Get"/>, or null when the resources have no <paramref name="key"/> (a key made from data).</summary>
    public static string? Find(string key, params object[] arguments) => Localizer[key, arguments] is { ResourceNotFound: false } found ? found.Value : null;
}
