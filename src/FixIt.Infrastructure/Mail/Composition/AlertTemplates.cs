using System.Globalization;
using System.Text;
using FixIt.Domain.Alerts;
using Microsoft.Extensions.Localization;
using static FixIt.Infrastructure.Mail.Composition.MailTemplates;

namespace FixIt.Infrastructure.Mail.Composition;

/// <summary>One new report as an alert email lists it: public facts only (never who reported it).</summary>
internal sealed record AlertItem(int Id, string Title, string Category, string Url);

/// <summary>The emails of alerts for a place.</summary>
internal static class AlertTemplates
{
    public static MailContent Confirmation(IStringLocalizer t, string site, string place, IReadOnlyList<string> categories, AlertFrequency frequency,
        string confirmUrl, TimeSpan lifetime)
    {
        string what = t[frequency == AlertFrequency.Daily ? "Alert.WhatDaily" : "Alert.WhatImmediate", place, Categories(t, categories)];
        var text = new StringBuilder()
            .AppendLine(t["Hello"]).AppendLine()
            .AppendLine(t["Alert.Asked", site, what]).AppendLine()
            .AppendLine(t["Alert.Open"]).AppendLine()
            .AppendLine(confirmUrl).AppendLine()
            .AppendLine(t["Follow.Lifetime", lifetime.TotalDays]);
        var html = Page(
            $"<p>{E(t["Hello"])}</p><p>{E(t["Alert.Asked", site, what])}</p>" +
            $"<p><a href=\"{E(confirmUrl)}\">{E(t["Alert.Link"])}</a></p>" +
            $"<p>{E(t["Follow.Lifetime", lifetime.TotalDays])}</p>");
        return new MailContent(t["Alert.Subject", place], text.ToString(), html);
    }

    public static MailContent NewReport(IStringLocalizer t, string site, string place, AlertItem item, string feedUrl, string stopUrl) =>
        Listing(t, t["Alert.NewSubject", site, item.Id.ToString(CultureInfo.InvariantCulture), place, item.Title], t["Alert.NewLead", place], [item],
            feedUrl, stopUrl);

    public static MailContent Digest(IStringLocalizer t, string site, string place, IReadOnlyList<AlertItem> items, string feedUrl, string stopUrl) =>
        Listing(t, t[items.Count == 1 ? "Alert.DigestSubjectOne" : "Alert.DigestSubject", site, items.Count, place],
            t["Alert.DigestLead", place, items.Count], items, feedUrl, stopUrl);

    /// <summary>"within 500 m of 53.80080, -1.54910" or "in Leeds (ward)", in the current language.</summary>
    public static string Place(IStringLocalizer t, string? areaName, string? areaKind, double? latitude, double? longitude, int? radiusMetres) =>
        latitude is { } lat && longitude is { } lon && radiusMetres is { } radius
            ? t[radius >= 1000 ? "Alert.WithinKm" : "Alert.WithinMetres", radius >= 1000 ? radius / 1000.0 : radius, lat, lon]
            : areaName is null ? t["Alert.AreaRemoved"] : t["Alert.InArea", areaName, areaKind ?? ""];

    private static MailContent Listing(IStringLocalizer t, string subject, string lead, IReadOnlyList<AlertItem> items, string feedUrl, string stopUrl)
    {
        var text = new StringBuilder().AppendLine(t["Hello"]).AppendLine().AppendLine(lead).AppendLine();
        var html = new StringBuilder().Append(CultureInfo.InvariantCulture, $"<p>{E(t["Hello"])}</p><p>{E(lead)}</p><ul>");
        foreach (var item in items)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  #{item.Id} {item.Title} ({item.Category})")
                .AppendLine(CultureInfo.InvariantCulture, $"  {item.Url}").AppendLine();
            html.Append(CultureInfo.InvariantCulture, $"<li><a href=\"{E(item.Url)}\">#{item.Id} {E(item.Title)}</a> ({E(item.Category)})</li>");
        }

        text.AppendLine(t["Alert.Feed.Text", feedUrl]).AppendLine()
            .AppendLine(t["Alert.Stop.Text", stopUrl]);
        html.Append("</ul>")
            .Append(CultureInfo.InvariantCulture, $"<p><a href=\"{E(feedUrl)}\">{E(t["Alert.Feed"])}</a></p>")
            .Append(CultureInfo.InvariantCulture, $"<p style=\"font-size:0.9em\"><a href=\"{E(stopUrl)}\">{E(t["Alert.Stop"])}</a></p>");
        return new MailContent(subject, text.ToString(), Page(html.ToString()));
    }

    private static string Categories(IStringLocalizer t, IReadOnlyList<string> categories) =>
        categories.Count == 0 ? "" : t["Alert.InCategories", string.Join(", ", categories)];
}
