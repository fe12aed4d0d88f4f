using System.Globalization;
using System.Text;
using FixIt.Domain.Reports;
using static FixIt.Infrastructure.Mail.Composition.MailTemplates;

namespace FixIt.Infrastructure.Mail.Composition;

/// <summary>The emails to people following a report they did not make. They never name the reporter's contact details.</summary>
internal static class SubscriberTemplates
{
    public static MailContent Confirmation(string site, Report report, string confirmUrl, string publicUrl, TimeSpan lifetime)
    {
        var text = new StringBuilder()
            .AppendLine("Hello,").AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"Someone asked {site} to email this address about updates to report #{report.Id}, \"{report.Title}\":")
            .AppendLine(publicUrl).AppendLine()
            .AppendLine("To start getting updates, open this link and press the button:").AppendLine()
            .AppendLine(confirmUrl).AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"The link works for {lifetime.TotalDays:0} days. If you did not ask for this, ignore this email: nothing will be sent.");
        var html = Page(
            $"<p>Hello,</p><p>Someone asked {E(site)} to email this address about updates to report #{report.Id}, " +
            $"<a href=\"{E(publicUrl)}\"><strong>{E(report.Title)}</strong></a>.</p>" +
            $"<p><a href=\"{E(confirmUrl)}\">Yes, email me updates</a></p>" +
            $"<p>The link works for {lifetime.TotalDays:0} days. If you did not ask for this, ignore this email: nothing will be sent.</p>");
        return new MailContent($"Confirm: updates on {report.Title}", text.ToString(), html);
    }

    public static MailContent SupportConfirmation(string site, Report report, string confirmUrl, string publicUrl, TimeSpan lifetime)
    {
        var text = new StringBuilder()
            .AppendLine("Hello,").AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"Someone said on {site} that they have this problem too (report #{report.Id}, \"{report.Title}\"):")
            .AppendLine(publicUrl).AppendLine()
            .AppendLine("To be counted, open this link and press the button:").AppendLine()
            .AppendLine(confirmUrl).AppendLine()
            .AppendLine("Only the number of people is shown, never who they are. No other emails will follow.").AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"The link works for {lifetime.TotalDays:0} days. If you did not ask for this, ignore this email: nothing will be counted.");
        var html = Page(
            $"<p>Hello,</p><p>Someone said on {E(site)} that they have this problem too: report #{report.Id}, " +
            $"<a href=\"{E(publicUrl)}\"><strong>{E(report.Title)}</strong></a>.</p>" +
            $"<p><a href=\"{E(confirmUrl)}\">Yes, count me too</a></p>" +
            "<p>Only the number of people is shown, never who they are. No other emails will follow.</p>" +
            $"<p>The link works for {lifetime.TotalDays:0} days. If you did not ask for this, ignore this email: nothing will be counted.</p>");
        return new MailContent($"Confirm: you have this problem too: {report.Title}", text.ToString(), html);
    }

    /// <summary>
    /// An update to a follower, with the link to add their own; with <paramref name="stillNotFixedUrl"/> (a fixed or
    /// closed report) the "still not fixed?" link too.
    /// </summary>
    public static MailContent Update(string site, Report report, ReportEvent update, string publicUrl, string unsubscribeUrl, string addUpdateUrl,
        string? stillNotFixedUrl = null)
    {
        var what = MailWords.WhatHappened(update);
        var text = new StringBuilder()
            .AppendLine("Hello,").AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"News about report #{report.Id}, \"{report.Title}\", which you follow: {what}").AppendLine();
        var html = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"<p>Hello,</p><p>News about report #{report.Id}, <strong>{E(report.Title)}</strong>, which you follow: {E(what)}</p>");
        Said(text, html, update);
        text.AppendLine(CultureInfo.InvariantCulture, $"See the report: {publicUrl}").AppendLine();
        if (stillNotFixedUrl is not null)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"{StillNotFixedHint} {stillNotFixedUrl}").AppendLine();
        }

        text.AppendLine(CultureInfo.InvariantCulture, $"{AddUpdateHint} {addUpdateUrl}").AppendLine()
            .AppendLine(ReplyHint).AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"No more emails about this report: {unsubscribeUrl}");
        html.Append(CultureInfo.InvariantCulture, $"<p><a href=\"{E(publicUrl)}\">See the report</a></p>")
            .Append(StillNotFixedHtml(stillNotFixedUrl))
            .Append(AddUpdateHtml(addUpdateUrl))
            .Append(CultureInfo.InvariantCulture, $"<p>{E(ReplyHint)}</p>")
            .Append(CultureInfo.InvariantCulture, $"<p style=\"font-size:0.9em\"><a href=\"{E(unsubscribeUrl)}\">No more emails about this report</a></p>");
        return new MailContent($"[{site} #{report.Id}] Update: {report.Title}", text.ToString(), Page(html.ToString()));
    }

    /// <summary>The link to add an update, to the reporter or a follower who asked for it on the report page.</summary>
    public static MailContent UpdateLink(string site, Report report, string? name, string updateUrl, string publicUrl, TimeSpan lifetime)
    {
        var greeting = string.IsNullOrEmpty(name) ? "Hello," : $"Hello {name},";
        var text = new StringBuilder()
            .AppendLine(greeting).AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"You asked {site} to add an update to report #{report.Id}, \"{report.Title}\":")
            .AppendLine(publicUrl).AppendLine()
            .AppendLine("Write your update (and add up to 3 photos) at this link:").AppendLine()
            .AppendLine(updateUrl).AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"The link works once, for {lifetime.TotalDays:0} days. Your update is shown on the report page, your address is not.")
            .AppendLine("If you did not ask for this, ignore this email: nothing is published.");
        var html = Page(
            $"<p>{E(greeting)}</p><p>You asked {E(site)} to add an update to report #{report.Id}, " +
            $"<a href=\"{E(publicUrl)}\"><strong>{E(report.Title)}</strong></a>.</p>" +
            $"<p><a href=\"{E(updateUrl)}\">Write your update</a> (and add up to 3 photos).</p>" +
            string.Create(CultureInfo.InvariantCulture, $"<p>The link works once, for {lifetime.TotalDays:0} days. Your update is shown on the report page, your address is not.</p>") +
            "<p>If you did not ask for this, ignore this email: nothing is published.</p>");
        return new MailContent($"[{site} #{report.Id}] Add your update: {report.Title}", text.ToString(), html);
    }

    // A follower's reply is not published (docs/security/identity.md): they should know before they write it.
    private const string ReplyHint = "A reply to this email is read by the site's administrators; it is not published.";
}
