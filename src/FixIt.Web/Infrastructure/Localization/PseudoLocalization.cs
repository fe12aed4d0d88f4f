using System.Globalization;
using System.Text;
using Microsoft.Extensions.Localization;

namespace FixIt.Web.Infrastructure.Localization;

/// <summary>
/// A pseudo-locale for tests (<c>Localization:PseudoLocale</c>): under <see cref="Culture"/> every string found in the
/// resources comes back accented and bracketed ("[Ŕéƥöŕţ å ƥŕöƀļéɱ]"), so a page rendered in it shows at a glance, and
/// to a test, every word that did not come from the resources. Keys missing from the resources stay as they are.
/// </summary>
internal sealed class PseudoStringLocalizerFactory(IStringLocalizerFactory inner) : IStringLocalizerFactory
{
    /// <summary>The pseudo-locale's tag (the one Windows and ICU reserve for pseudo-localisation).</summary>
    public const string Culture = "qps-Ploc";

    public IStringLocalizer Create(Type resourceSource) => new PseudoStringLocalizer(inner.Create(resourceSource));

    public IStringLocalizer Create(string baseName, string location) => new PseudoStringLocalizer(inner.Create(baseName, location));

    private const string Plain = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private const string Accented = "åƀçđéƒĝĥîĵķļɱñöƥɋŕšţûṽŵẋýžÅƁÇĐÉƑĜĤÎĴĶĻṀÑÖÞǪŔŠŢÛṼŴẊÝŽ";

    /// <summary>The text accented and bracketed; format items such as {0} or {0:N0} are left as they are.</summary>
    public static string Transform(string text)
    {
        var result = new StringBuilder(text.Length + 2).Append('[');
        var inFormatItem = false;
        foreach (var c in text)
        {
            inFormatItem = c == '{' || (inFormatItem && c != '}');
            var i = Plain.IndexOf(c, StringComparison.Ordinal);
            result.Append(inFormatItem || i < 0 ? c : Accented[i]);
        }

        return result.Append(']').ToString();
    }

    private static bool Active => CultureInfo.CurrentUICulture.Name == Culture;

    private sealed class PseudoStringLocalizer(IStringLocalizer inner) : IStringLocalizer
    {
        public LocalizedString this[string name]
        {
            get
            {
                var found = inner[name];
                return Active && !found.ResourceNotFound ? new LocalizedString(name, Transform(found.Value), false, found.SearchedLocation) : found;
            }
        }

        public LocalizedString this[string name, params object[] arguments]
        {
            get
            {
                var found = inner[name];
                if (!Active || found.ResourceNotFound)
                {
                    return inner[name, arguments];
                }

                var value = string.Format(CultureInfo.CurrentCulture, Transform(found.Value), arguments);
                return new LocalizedString(name, value, false, found.SearchedLocation);
            }
        }

        public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) => inner.GetAllStrings(includeParentCultures);
    }
}
