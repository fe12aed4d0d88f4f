using FixIt.Domain.Routing;
using Microsoft.Extensions.Localization;

namespace FixIt.Web.Components.Shared;

/// <summary>
/// The routing explanation in plain words in the reader's language ("Demo City Council handles all problems in Demo
/// City"), made from the parts of the technical form; the English sentences are <see cref="RoutingWording.Plain"/>'s.
/// </summary>
internal static class RoutingText
{
    public static string Plain(string explanation, IStringLocalizer<SharedText> text)
    {
        if (explanation is RoutingWording.NoRule or RoutingWording.AllDeclined)
        {
            return text[RoutingWording.Plain(explanation)];
        }

        return RoutingWording.Parts(explanation) switch
        {
            null => explanation,
            (var op, null, null) => text["{0} handles all problems everywhere.", op],
            (var op, { } area, null) => text["{0} handles all problems in {1}.", op, area],
            (var op, null, { } category) => text["{0} handles reports about {1} everywhere.", op, category],
            var (op, area, category) => text["{0} handles reports about {1} in {2}.", op, category!, area!],
        };
    }
}
