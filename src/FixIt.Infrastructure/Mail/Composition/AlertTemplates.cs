using System.Globalization;
using System.Text;
using FixIt.Domain.Alerts;
using static FixIt.Infrastructure.Mail.Composition.MailTemplates;

namespace FixIt.Infrastructure.Mail.Composition;

/// <summary>One new report as an alert email lists it: public facts only (never who reported it).</summary>
internal sealed record AlertItem(int Id, string Title, string Category, string Url);

/// <summary>The emails of alerts for a place.</summary>
internal static class AlertTemplates
{
    public static MailContent Confirmation(string site, string place, IReadOnlyList<string> categories, AlertFrequency frequency, string confirmUrl,
        TimeSpan lifetime)
    {
        var what = $"new reports {place}{Categories(categories)}, {(frequency == AlertFrequency.Daily ? "once a day" : "as they come in")}";
        var text = new StringBuilder()
            .AppendLine("Hello,").AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"Someone asked {site} to email this address about {what}.").AppendLine()
            .AppendLine("To start the alerts, open this link and press the button:").AppendLine()
            .AppendLine(confirmUrl).AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"The link works for {lifetime.TotalDays:0} days. If you did not ask for this, ignore this email: nothing will be sent.");
        var html = Page(
            $"<p>Hello,</p><p>Someone asked {E(site)} to email this address about {E(what)}.</p>" +
            $"<p><a href=\"{E(confirmUrl)}\">Yes, email me new reports</a></p>" +
            $"<p>The link works for {lifetime.TotalDays:0} days. If you did not ask for this, ignore this email: nothing will be sent.</p>");
        return new MailContent($"Confirm: alerts for new reports {place}", text.ToString(), html);
    }

    public static MailContent NewReport(string site, string place, AlertItem item, string feedUrl, string stopUrl) =>
        Listing($"[{site} #{item.Id}] New report {place}: {item.Title}", $"A new report {place}:", [item], feedUrl, stopUrl);

    public static MailContent Digest(string site, string place, IReadOnlyList<AlertItem> items, string feedUrl, string stopUrl) =>
        Listing(string.Create(CultureInfo.InvariantCulture, $"[{site}] {items.Count} new report{(items.Count == 1 ? "" : "s")} {place}"),
            string.Create(CultureInfo.InvariantCulture, $"New reports {place} since the last email ({items.Count}):"), items, feedUrl, stopUrl);

    private static MailContent Listing(string subject, string lead, IReadOnlyList<AlertItem> items, string feedUrl, string stopUrl)
    {
        var text = new StringBuilder().AppendLine("Hello,").AppendLine().AppendLine(lead).AppendLine();
        var html = new StringBuilder($"<p>Hello,</p><p>{E(lead)}</p><ul>");
        foreach (var item in items)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  #{item.Id} {item.Title} ({item.Category})")
                .AppendLine(CultureInfo.InvariantCulture, $"  {item.Url}").AppendLine();
            html.Append(CultureInfo.InvariantCulture, $"<li><a href=\"{E(item.Url)}\">#{item.Id} {E(item.Title)}</a> ({E(item.Category)})</li>");
        }

        text.AppendLine(CultureInfo.InvariantCulture, $"The same reports as a feed: {feedUrl}").AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"No more of these emails: {stopUrl}");
        html.Append("</ul>")
            .Append(CultureInfo.InvariantCulture, $"<p><a href=\"{E(feedUrl)}\">The same reports as a feed</a></p>")
            .Append(CultureInfo.InvariantCulture, $"<p style=\"font-size:0.9em\"><a href=\"{E(stopUrl)}\">No more of these emails</a></p>");
        return new MailContent(subject, text.ToString(), Page(html.ToString()));
    }

    private static string Categories(IReadOnlyList<string> categories) =>
        categories.Count == 0 ? "" : $" in {string.Join(", ", categories)}";
}
