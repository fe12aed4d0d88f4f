using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace FixIt.Application.Features.Admin;

/// <summary>
/// The messages of the administrators' use cases (validation failures, conflicts) in the current UI culture, the request's,
/// from <c>Resources/Features/Admin/AdminText(.cy).resx</c>; the English text is the key, as on the console's pages. The
/// command line runs in the invariant culture and so gets English. Validators ask for a message when a rule fails
/// (<c>WithMessage(_ =&gt; …)</c>), never when they are built, so it is in that request's language.
/// </summary>
public static class AdminText
{
    private static readonly IStringLocalizer Localizer = new ResourceManagerStringLocalizerFactory(
        Options.Create(new LocalizationOptions { ResourcesPath = "Resources" }), NullLoggerFactory.Instance).Create(typeof(AdminText));

    /// <summary>The message <paramref name="key"/> (its English text) in the current UI culture, formatted with <paramref name="arguments"/>.</summary>
    public static string Get(string key, params object[] arguments) => Localizer[key, arguments];
}
