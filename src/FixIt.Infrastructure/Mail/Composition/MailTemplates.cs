using System.Globalization;
using System.Net;
using System.Text;
using FixIt.Domain.Reports;

namespace FixIt.Infrastructure.Mail.Composition;

/// <summary>The words of every email FixIt sends. Everything from users is HTML-encoded in the HTML part.</summary>
internal static class MailTemplates
{
    public static MailContent Confirmation(string site, Report report, string category, string confirmUrl, string pendingUrl, TimeSpan lifetime)
    {
        var text = new StringBuilder()
            .AppendLine(CultureInfo.InvariantCulture, $"Hello {report.ReporterName},").AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"Thank you for reporting \"{report.Title}\" ({category}){Near(report)} on {site}.")
            .AppendLine("Please confirm the report by opening this link and pressing the button:").AppendLine()
            .AppendLine(confirmUrl).AppendLine()
            .AppendLine("Until you do, it is not sent to anyone and only you can see it, at this private link (keep it to yourself):").AppendLine()
            .AppendLine(pendingUrl).AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"The confirm link works for {lifetime.TotalDays:0} days.")
            .AppendLine("If you did not report this, ignore this email.");
        var html = Page(
            $"<p>Hello {E(report.ReporterName)},</p>" +
            $"<p>Thank you for reporting <strong>{E(report.Title)}</strong> ({E(category)}){E(Near(report))} on {E(site)}.</p>" +
            $"<p><a href=\"{E(confirmUrl)}\">Confirm your report</a></p>" +
            $"<p>Until you do, it is not sent to anyone and only you can see it, at <a href=\"{E(pendingUrl)}\">your private link</a> (keep it to yourself).</p>" +
            $"<p>The confirm link works for {lifetime.TotalDays:0} days. If you did not report this, ignore this email.</p>");
        return new MailContent($"Confirm your report: {report.Title}", text.ToString(), html);
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

    private static string Place(Report report) => report.NearPlace is { Length: > 0 } place ? $"near {place}, " : "";

    public static MailContent SentNotice(string site, Report report, string operatorName, string publicUrl, string unsubscribeUrl, string addUpdateUrl) =>
        Update(site, report, $"Your report has been sent to {operatorName}.", null, publicUrl, unsubscribeUrl, "Sent to " + operatorName, addUpdateUrl);

    /// <summary>
    /// An update to the reporter, with the link to add their own; with <paramref name="stillNotFixedUrl"/> (a fixed or
    /// closed report) the "still not fixed?" link too.
    /// </summary>
    public static MailContent Update(string site, Report report, ReportEvent update, string publicUrl, string unsubscribeUrl, string addUpdateUrl,
        string? stillNotFixedUrl = null)
    {
        var what = MailWords.WhatHappened(update);
        return Update(site, report, what, update, publicUrl, unsubscribeUrl, "Update", addUpdateUrl, stillNotFixedUrl);
    }

    private static MailContent Update(string site, Report report, string what, ReportEvent? update, string publicUrl, string unsubscribeUrl, string subject,
        string addUpdateUrl, string? stillNotFixedUrl = null)
    {
        var text = new StringBuilder()
            .AppendLine(CultureInfo.InvariantCulture, $"Hello {report.ReporterName},").AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"News about your report \"{report.Title}\" (#{report.Id}): {what}").AppendLine();
        var html = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"<p>Hello {E(report.ReporterName)},</p><p>News about your report <strong>{E(report.Title)}</strong> (#{report.Id}): {E(what)}</p>");
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
        return new MailContent($"[{site} #{report.Id}] {subject}: {report.Title}", text.ToString(), Page(html.ToString()));
    }

    /// <summary>
    /// What an update says, in an email about it: a resident's words (the reporter's or a follower's) as a labelled quote,
    /// like <see cref="ResidentQuote"/> in the operator's emails; anyone else's (the operator's, FixIt's) as they are.
    /// </summary>
    internal static void Said(StringBuilder text, StringBuilder html, ReportEvent? update)
    {
        if (string.IsNullOrWhiteSpace(update?.PublicText))
        {
            return;
        }

        if (update.ActorKind is ActorKind.Reporter or ActorKind.Follower)
        {
            ResidentQuote(text, html, "Their words:", update.PublicText);
            return;
        }

        text.AppendLine(update.PublicText).AppendLine();
        html.Append(CultureInfo.InvariantCulture, $"<blockquote style=\"white-space:pre-wrap\">{E(update.PublicText)}</blockquote>");
    }

    internal const string AddUpdateHint = "Add an update of your own (words or photos):";

    internal static string AddUpdateHtml(string url) => $"<p><a href=\"{E(url)}\">Add an update of your own</a> (words or photos).</p>";

    // The reporter's answer is published: they should know before they write it.
    private const string ReplyHint = "Reply to this email to add your own update; your reply is shown on the report page, your address is not.";

    internal const string StillNotFixedHint = "Still not fixed? Tell us and the report is re-opened:";

    internal static string StillNotFixedHtml(string? url) =>
        url is null ? "" : $"<p>Still not fixed? <a href=\"{E(url)}\">Tell us and the report is re-opened</a>.</p>";

    internal static string Page(string body) =>
        $"<!DOCTYPE html><html><head><meta charset=\"utf-8\"></head><body style=\"font-family:sans-serif\">{body}</body></html>";

    internal static string E(string? value) => WebUtility.HtmlEncode(value ?? "");
}
