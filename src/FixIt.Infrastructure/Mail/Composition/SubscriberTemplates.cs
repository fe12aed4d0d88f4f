using System.Globalization;
using System.Text;
using FixIt.Domain.Reports;
using Microsoft.Extensions.Localization;
using static FixIt.Infrastructure.Mail.Composition.MailTemplates;

namespace FixIt.Infrastructure.Mail.Composition;

/// <summary>The emails to people following a report they did not make. They never name the reporter's contact details.</summary>
internal static class SubscriberTemplates
{
    public static MailContent Confirmation(IStringLocalizer t, string site, Report report, string confirmUrl, string publicUrl, TimeSpan lifetime)
    {
        var id = report.Id.ToString(CultureInfo.InvariantCulture);
        var text = new StringBuilder()
            .AppendLine(t["Hello"]).AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"{t["Follow.Asked", site, id, $"\"{report.Title}\""]}:")
            .AppendLine(publicUrl).AppendLine()
            .AppendLine(t["Follow.Open"]).AppendLine()
            .AppendLine(confirmUrl).AppendLine()
            .AppendLine(t["Follow.Lifetime", lifetime.TotalDays]);
        var html = Page(
            $"<p>{E(t["Hello"])}</p><p>{t["Follow.Asked", E(site), id, $"<a href=\"{E(publicUrl)}\"><strong>{E(report.Title)}</strong></a>"]}.</p>" +
            $"<p><a href=\"{E(confirmUrl)}\">{E(t["Follow.Link"])}</a></p>" +
            $"<p>{E(t["Follow.Lifetime", lifetime.TotalDays])}</p>");
        return new MailContent(t["Follow.Subject", report.Title], text.ToString(), html);
    }

    public static MailContent SupportConfirmation(IStringLocalizer t, string site, Report report, string confirmUrl, string publicUrl, TimeSpan lifetime)
    {
        var id = report.Id.ToString(CultureInfo.InvariantCulture);
        var text = new StringBuilder()
            .AppendLine(t["Hello"]).AppendLine()
            .AppendLine(t["Support.Said", site, id, $"\"{report.Title}\""])
            .AppendLine(publicUrl).AppendLine()
            .AppendLine(t["Support.Open"]).AppendLine()
            .AppendLine(confirmUrl).AppendLine()
            .AppendLine(t["Support.OnlyCount"]).AppendLine()
            .AppendLine(t["Support.Lifetime", lifetime.TotalDays]);
        var html = Page(
            $"<p>{E(t["Hello"])}</p><p>{t["Support.SaidHtml", E(site), id, $"<a href=\"{E(publicUrl)}\"><strong>{E(report.Title)}</strong></a>"]}</p>" +
            $"<p><a href=\"{E(confirmUrl)}\">{E(t["Support.Link"])}</a></p>" +
            $"<p>{E(t["Support.OnlyCount"])}</p>" +
            $"<p>{E(t["Support.Lifetime", lifetime.TotalDays])}</p>");
        return new MailContent(t["Support.Subject", report.Title], text.ToString(), html);
    }

    /// <summary>
    /// An update to a follower, with the link to add their own; with <paramref name="stillNotFixedUrl"/> (a fixed or
    /// closed report) the "still not fixed?" link too.
    /// </summary>
    public static MailContent Update(IStringLocalizer t, string site, Report report, ReportEvent update, string publicUrl, string unsubscribeUrl,
        string addUpdateUrl, string? stillNotFixedUrl = null)
    {
        var what = MailWords.WhatHappened(t, update);
        var id = report.Id.ToString(CultureInfo.InvariantCulture);
        var text = new StringBuilder()
            .AppendLine(t["Hello"]).AppendLine()
            .AppendLine(t["Follow.News", id, $"\"{report.Title}\"", what]).AppendLine();
        var html = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"<p>{E(t["Hello"])}</p><p>{t["Follow.News", id, $"<strong>{E(report.Title)}</strong>", E(what)]}</p>");
        Said(t, text, html, update);

        // A follower's reply is not published (docs/security/identity.md): they should know before they write it.
        Footer(t, text, html, publicUrl, unsubscribeUrl, addUpdateUrl, stillNotFixedUrl, t["Follow.ReplyHint"]);
        return new MailContent(Subject(site, report, t["Update.Subject"]), text.ToString(), Page(html.ToString()));
    }

    /// <summary>The link to add an update, to the reporter or a follower who asked for it on the report page.</summary>
    public static MailContent UpdateLink(IStringLocalizer t, string site, Report report, string? name, string updateUrl, string publicUrl, TimeSpan lifetime)
    {
        var greeting = string.IsNullOrEmpty(name) ? t["Hello"] : t["HelloName", name];
        var id = report.Id.ToString(CultureInfo.InvariantCulture);
        var text = new StringBuilder()
            .AppendLine(greeting).AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"{t["UpdateLink.Asked", site, id, $"\"{report.Title}\""]}:")
            .AppendLine(publicUrl).AppendLine()
            .AppendLine(t["UpdateLink.Open"]).AppendLine()
            .AppendLine(updateUrl).AppendLine()
            .AppendLine(t["UpdateLink.Lifetime", lifetime.TotalDays])
            .AppendLine(t["UpdateLink.NotYou"]);
        var html = Page(
            $"<p>{E(greeting)}</p><p>{t["UpdateLink.Asked", E(site), id, $"<a href=\"{E(publicUrl)}\"><strong>{E(report.Title)}</strong></a>"]}.</p>" +
            $"<p>{t["UpdateLink.Html", $"<a href=\"{E(updateUrl)}\">", "</a>"]}</p>" +
            $"<p>{E(t["UpdateLink.Lifetime", lifetime.TotalDays])}</p>" +
            $"<p>{E(t["UpdateLink.NotYou"])}</p>");
        return new MailContent(Subject(site, report, t["UpdateLink.Subject"]), text.ToString(), html);
    }
}
