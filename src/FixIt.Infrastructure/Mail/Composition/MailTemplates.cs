using System.Globalization;
using System.Net;
using System.Text;
using FixIt.Domain.Reports;
using Microsoft.Extensions.Localization;

namespace FixIt.Infrastructure.Mail.Composition;

/// <summary>The words of every email FixIt sends. Everything from users is HTML-encoded in the HTML part.</summary>
internal static class MailTemplates
{
    public static MailContent Confirmation(IStringLocalizer t, string site, Report report, string category, string confirmUrl, string pendingUrl,
        TimeSpan lifetime)
    {
        var near = Near(t, report);
        var text = new StringBuilder()
            .AppendLine(t["HelloName", report.ReporterName]).AppendLine()
            .AppendLine(t["Confirm.Thanks", $"\"{report.Title}\"", category, near, site])
            .AppendLine(t["Confirm.Open"]).AppendLine()
            .AppendLine(confirmUrl).AppendLine()
            .AppendLine(t["Confirm.Private"]).AppendLine()
            .AppendLine(pendingUrl).AppendLine()
            .AppendLine(t["Confirm.Lifetime", lifetime.TotalDays])
            .AppendLine(t["Confirm.NotYou"]);
        var html = Page(
            $"<p>{E(t["HelloName", report.ReporterName])}</p>" +
            $"<p>{t["Confirm.Thanks", $"<strong>{E(report.Title)}</strong>", E(category), E(near), E(site)]}</p>" +
            $"<p><a href=\"{E(confirmUrl)}\">{E(t["Confirm.Link"])}</a></p>" +
            $"<p>{t["Confirm.PrivateHtml", $"<a href=\"{E(pendingUrl)}\">", "</a>"]}</p>" +
            $"<p>{E(t["Confirm.Lifetime", lifetime.TotalDays])} {E(t["Confirm.NotYou"])}</p>");
        return new MailContent(t["Confirm.Subject", report.Title], text.ToString(), html);
    }

    /// <summary>
    /// The report to the operator with its action links. Reminders and "still not fixed" are this same email with a
    /// <paramref name="lead"/> paragraph first (FixIt's own words only) and a <paramref name="subjectPrefix"/>
    /// ("Reminder: "); a resident's words that come with it (<paramref name="residentWords"/>) follow the lead as a quote.
    /// Whatever a resident wrote, the description included, is set apart as a labelled quote, so text made to look like
    /// FixIt's (a fake "Answer with one of these links") never reads as FixIt speaking.
    /// </summary>
    public static MailContent ToOperator(string site, Report report, string category, string operatorName, string publicUrl,
        IReadOnlyList<MailLink> actions, string replyTo, IReadOnlyList<MailAnswer> answers, string? lead = null, string subjectPrefix = "",
        string? residentWords = null)
    {
        var text = new StringBuilder();
        var html = new StringBuilder();
        if (lead is not null)
        {
            text.AppendLine(lead).AppendLine();
            html.Append(CultureInfo.InvariantCulture, $"<p style=\"white-space:pre-wrap\"><strong>{E(lead)}</strong></p>");
        }

        if (residentWords is { Length: > 0 })
        {
            ResidentQuote(text, html, "Their words:", residentWords);
        }

        text.AppendLine(CultureInfo.InvariantCulture, $"A resident has reported a problem for {operatorName}.").AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"Report #{report.Id}: {report.Title}")
            .AppendLine(CultureInfo.InvariantCulture, $"Category: {category}")
            .AppendLine(CultureInfo.InvariantCulture, $"Location: {Place(report)}{MailWords.Coordinates(report)}")
            .AppendLine(CultureInfo.InvariantCulture, $"Map: {MailWords.MapUrl(report)}")
            .AppendLine(CultureInfo.InvariantCulture, $"Public page: {publicUrl}").AppendLine();
        var htmlDescription = new StringBuilder();
        ResidentQuote(text, htmlDescription, "The resident's description:", report.Description);
        if (answers.Count > 0)
        {
            // The category's extra questions are asked for the operator: the answers are theirs to read.
            text.AppendLine("The resident's answers:");
            htmlDescription.Append("<p>The resident's answers:</p><table>");
            foreach (var answer in answers)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"  {answer.Question}: {answer.Answer}");
                htmlDescription.Append(CultureInfo.InvariantCulture, $"<tr><th align=\"left\">{E(answer.Question)}</th><td>{E(answer.Answer)}</td></tr>");
            }

            text.AppendLine();
            htmlDescription.Append("</table>");
        }

        text.AppendLine("Answer with one of these links (each opens a page where you confirm):");
        foreach (var action in actions)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  {action.Label}: {action.Url}");
        }

        text.AppendLine().AppendLine(CultureInfo.InvariantCulture, $"Or reply to this email ({replyTo}); your reply is published on the report page.");
        html.Append(CultureInfo.InvariantCulture, $"<p>A resident has reported a problem for {E(operatorName)}.</p>")
            .Append(CultureInfo.InvariantCulture, $"<h1 style=\"font-size:1.2em\">Report #{report.Id}: {E(report.Title)}</h1>")
            .Append("<table>")
            .Append(CultureInfo.InvariantCulture, $"<tr><th align=\"left\">Category</th><td>{E(category)}</td></tr>")
            .Append(CultureInfo.InvariantCulture, $"<tr><th align=\"left\">Location</th><td>{E(Place(report))}{E(MailWords.Coordinates(report))} (<a href=\"{E(MailWords.MapUrl(report))}\">map</a>)</td></tr>")
            .Append(CultureInfo.InvariantCulture, $"<tr><th align=\"left\">Public page</th><td><a href=\"{E(publicUrl)}\">{E(publicUrl)}</a></td></tr>")
            .Append("</table>")
            .Append(htmlDescription)
            .Append("<p>Answer with one of these links (each opens a page where you confirm):</p><ul>");
        foreach (var action in actions)
        {
            html.Append(CultureInfo.InvariantCulture, $"<li><a href=\"{E(action.Url)}\">{E(action.Label)}</a></li>");
        }

        html.Append(CultureInfo.InvariantCulture, $"</ul><p>Or reply to this email; your reply is published on the report page.</p>");
        return new MailContent($"{subjectPrefix}[{site} #{report.Id}] {category}: {report.Title}{Near(report)}", text.ToString(), Page(html.ToString()));
    }

    /// <summary>
    /// A resident's words in an operator email: a label in FixIt's voice, then every line marked "> " in the text part
    /// and a bordered blockquote (never bold, never a heading) in the HTML part.
    /// </summary>
    internal static void ResidentQuote(StringBuilder text, StringBuilder html, string label, string words)
    {
        text.AppendLine(label);
        foreach (var line in words.ReplaceLineEndings("\n").Split('\n'))
        {
            text.AppendLine(line.Length == 0 ? ">" : "> " + line);
        }

        text.AppendLine();
        html.Append(CultureInfo.InvariantCulture, $"<p>{E(label)}</p>")
            .Append(CultureInfo.InvariantCulture,
                $"<blockquote style=\"white-space:pre-wrap;margin:0 0 1em 0;padding:0 0 0 1em;border-left:4px solid #888;color:#333\">{E(words)}</blockquote>");
    }

    /// <summary>" near Stop 4, Park Lane" (the gazetteer's nearest place), or nothing.</summary>
    private static string Near(Report report) => report.NearPlace is { Length: > 0 } place ? $" near {place}" : "";

    /// <summary>" near Stop 4, Park Lane" in the resident's language, or nothing.</summary>
    private static string Near(IStringLocalizer t, Report report) => report.NearPlace is { Length: > 0 } place ? t["Near", place] : "";

    private static string Place(Report report) => report.NearPlace is { Length: > 0 } place ? $"near {place}, " : "";

    public static MailContent SentNotice(IStringLocalizer t, string site, Report report, string operatorName, string publicUrl, string unsubscribeUrl,
        string addUpdateUrl) =>
        Update(t, site, report, t["Sent.What", operatorName], null, publicUrl, unsubscribeUrl, t["Sent.Subject", operatorName], addUpdateUrl);

    /// <summary>
    /// An update to the reporter, with the link to add their own; with <paramref name="stillNotFixedUrl"/> (a fixed or
    /// closed report) the "still not fixed?" link too.
    /// </summary>
    public static MailContent Update(IStringLocalizer t, string site, Report report, ReportEvent update, string publicUrl, string unsubscribeUrl,
        string addUpdateUrl, string? stillNotFixedUrl = null)
    {
        var what = MailWords.WhatHappened(t, update);
        return Update(t, site, report, what, update, publicUrl, unsubscribeUrl, t["Update.Subject"], addUpdateUrl, stillNotFixedUrl);
    }

    private static MailContent Update(IStringLocalizer t, string site, Report report, string what, ReportEvent? update, string publicUrl,
        string unsubscribeUrl, string subject, string addUpdateUrl, string? stillNotFixedUrl = null)
    {
        var id = report.Id.ToString(CultureInfo.InvariantCulture);
        var text = new StringBuilder()
            .AppendLine(t["HelloName", report.ReporterName]).AppendLine()
            .AppendLine(t["Update.News", $"\"{report.Title}\"", id, what]).AppendLine();
        var html = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"<p>{E(t["HelloName", report.ReporterName])}</p><p>{t["Update.News", $"<strong>{E(report.Title)}</strong>", id, E(what)]}</p>");
        Said(t, text, html, update);
        Footer(t, text, html, publicUrl, unsubscribeUrl, addUpdateUrl, stillNotFixedUrl, t["Update.ReplyHint"]);
        return new MailContent(Subject(site, report, subject), text.ToString(), Page(html.ToString()));
    }

    /// <summary>"[FixIt #12] Update: Broken light", the subject of every email about one report.</summary>
    internal static string Subject(string site, Report report, string what) =>
        string.Create(CultureInfo.InvariantCulture, $"[{site} #{report.Id}] {what}: {report.Title}");

    /// <summary>The end of an update to a resident: the report, "still not fixed?", their own update, the reply hint, unsubscribe.</summary>
    internal static void Footer(IStringLocalizer t, StringBuilder text, StringBuilder html, string publicUrl, string unsubscribeUrl, string addUpdateUrl,
        string? stillNotFixedUrl, string replyHint)
    {
        text.AppendLine(t["SeeReport.Text", publicUrl]).AppendLine();
        if (stillNotFixedUrl is not null)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"{t["StillNotFixed.Text"]} {stillNotFixedUrl}").AppendLine();
        }

        text.AppendLine(CultureInfo.InvariantCulture, $"{t["AddUpdate.Text"]} {addUpdateUrl}").AppendLine()
            .AppendLine(replyHint).AppendLine()
            .AppendLine(t["Unsubscribe.Text", unsubscribeUrl]);
        html.Append(CultureInfo.InvariantCulture, $"<p><a href=\"{E(publicUrl)}\">{E(t["SeeReport"])}</a></p>");
        if (stillNotFixedUrl is not null)
        {
            html.Append(CultureInfo.InvariantCulture, $"<p>{t["StillNotFixed.Html", $"<a href=\"{E(stillNotFixedUrl)}\">", "</a>"]}</p>");
        }

        html.Append(CultureInfo.InvariantCulture, $"<p>{t["AddUpdate.Html", $"<a href=\"{E(addUpdateUrl)}\">", "</a>"]}</p>")
            .Append(CultureInfo.InvariantCulture, $"<p>{E(replyHint)}</p>")
            .Append(CultureInfo.InvariantCulture, $"<p style=\"font-size:0.9em\"><a href=\"{E(unsubscribeUrl)}\">{E(t["Unsubscribe"])}</a></p>");
    }

    /// <summary>
    /// What an update says, in an email about it: a resident's words (the reporter's or a follower's) as a labelled quote,
    /// like <see cref="ResidentQuote"/> in the operator's emails; anyone else's (the operator's, FixIt's) as they are.
    /// </summary>
    internal static void Said(IStringLocalizer t, StringBuilder text, StringBuilder html, ReportEvent? update)
    {
        if (string.IsNullOrWhiteSpace(update?.PublicText))
        {
            return;
        }

        if (update.ActorKind is ActorKind.Reporter or ActorKind.Follower)
        {
            ResidentQuote(text, html, t["TheirWords"], update.PublicText);
            return;
        }

        // An operator's "not ours" note is worded in the reader's language; the reason is the operator's, as written.
        var said = DeclineNote.ReasonOf(update) is { } reason ? t["NotOurs", reason].Value : update.PublicText;
        text.AppendLine(said).AppendLine();
        html.Append(CultureInfo.InvariantCulture, $"<blockquote style=\"white-space:pre-wrap\">{E(said)}</blockquote>");
    }

    /// <summary>
    /// An email's HTML part, in English (<c>lang="en"</c>) unless composed in a resident's language, when
    /// <see cref="ResidentMailText.In"/> puts that language in (<see cref="InLanguage"/>).
    /// </summary>
    internal static string Page(string body) =>
        $"{PageStart}{English}\"><head><meta charset=\"utf-8\"></head><body style=\"font-family:sans-serif\">{body}</body></html>";

    private const string PageStart = "<!DOCTYPE html><html lang=\"";
    private const string English = "en";

    /// <summary>A <see cref="Page"/> with its <c>lang</c> set to <paramref name="language"/> (a site language: <c>en</c>, <c>cy</c>).</summary>
    internal static string InLanguage(string html, string language) =>
        html.StartsWith(PageStart + English + "\"", StringComparison.Ordinal)
            ? PageStart + E(language) + html[(PageStart.Length + English.Length)..]
            : html;

    /// <summary>The <c>lang</c> of a <see cref="Page"/> (to label the message with <c>Content-Language</c>), or null for other HTML.</summary>
    internal static string? LanguageOf(string html)
    {
        if (!html.StartsWith(PageStart, StringComparison.Ordinal))
        {
            return null;
        }

        var end = html.IndexOf('"', PageStart.Length);
        var language = end < 0 ? "" : html[PageStart.Length..end];
        return language.Length is > 0 and <= 35 && language.All(c => char.IsAsciiLetterOrDigit(c) || c == '-') ? language : null;
    }

    internal static string E(string? value) => WebUtility.HtmlEncode(value ?? "");
}
