using System.Text.RegularExpressions;
using FixIt.Application.Common;
using FixIt.Application.Features.FollowUp;
using FixIt.Application.Features.Privacy;
using FixIt.Application.Features.Retention;
using FixIt.Infrastructure.Places;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace FixIt.Web.Features.Privacy.PrivacyPage;

/// <summary>/privacy: what FixIt keeps and for how long, written from the settings in force, so it cannot drift from them.</summary>
internal static partial class PrivacyPageEndpoints
{
    public static IEndpointRouteBuilder MapPrivacyPage(this IEndpointRouteBuilder app)
    {
        app.MapGet("/privacy", PrivacyPage).WithName(nameof(PrivacyPage)).ExcludeFromDescription();
        return app;
    }

    public static RazorComponentResult<PrivacyPage> PrivacyPage(IOptions<SiteOptions> site, IOptions<RetentionOptions> retention,
        IOptions<FollowUpOptions> followUp, IOptions<PrivacyOptions> privacy, IOptions<MapOptions> map, IOptions<GeocoderOptions> geocoder) =>
        new(new { Facts = FactsFrom(site.Value, retention.Value, followUp.Value, privacy.Value, map.Value, geocoder.Value) });

    internal static PrivacyFacts FactsFrom(SiteOptions site, RetentionOptions retention, FollowUpOptions followUp, PrivacyOptions privacy,
        MapOptions map, GeocoderOptions geocoder) => new(
            site.Name,
            string.IsNullOrWhiteSpace(site.PrivacyContact) ? null : site.PrivacyContact.Trim(),
            retention.ClosedReportContactsPeriod,
            retention.InboundRawMailPeriod,
            retention.SentMailBodiesPeriod,
            followUp.UnconfirmedExpireAfter,
            privacy.LinkLifetime,
            HostOf(map.TileUrl),
            string.IsNullOrWhiteSpace(map.TileAttribution) ? null : map.TileAttribution,
            HostOf(geocoder.Url));

    /// <summary>The host a URL or a tile template ({s}, {z}, {x}, {y}) points at; null when empty.</summary>
    internal static string? HostOf(string? urlOrTemplate)
    {
        if (string.IsNullOrWhiteSpace(urlOrTemplate))
        {
            return null;
        }

        var filled = Placeholder().Replace(urlOrTemplate, "0");
        return Uri.TryCreate(filled, UriKind.Absolute, out var uri) ? uri.Host : urlOrTemplate;
    }

    [GeneratedRegex(@"\{[a-z]+\}")]
    private static partial Regex Placeholder();
}

/// <summary>
/// What the privacy page says, each from a setting in force; a null period is "kept" (that deletion is off). Periods
/// are worded by the page, in the reader's language.
/// </summary>
public sealed record PrivacyFacts(
    string SiteName,
    string? Contact,
    TimeSpan? ClosedReportContacts,
    TimeSpan? InboundRawMail,
    TimeSpan? SentMailBodies,
    TimeSpan? UnconfirmedExpiry,
    TimeSpan? MyReportsLinkLifetime,
    string? TileHost,
    string? TileAttribution,
    string? GeocoderHost);
