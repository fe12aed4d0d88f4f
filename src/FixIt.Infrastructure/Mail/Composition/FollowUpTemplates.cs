using System.Globalization;
using System.Text;
using FixIt.Domain.Reports;
using Microsoft.Extensions.Localization;
using static FixIt.Infrastructure.Mail.Composition.MailTemplates;

namespace FixIt.Infrastructure.Mail.Composition;

/// <summary>The words of the escalation and of the questionnaire; reminders and "still not fixed" are <see cref="MailTemplates.ToOperator"/>.</summary>
internal static class FollowUpTemplates
{
    public static MailContent Escalation(string site, Report report, string category, string operatorName, string publicUrl,
        IReadOnlyList<ReportEvent> history, IReadOnlyList<MailLink> actions, int reminders)
    {
        var why = string.Create(CultureInfo.InvariantCulture,
            $"This report to {operatorName} has had no answer after {reminders} reminder(s), so it is escalated to you, {operatorName}'s escalation contact.");
        var text = new StringBuilder()
            .AppendLine(why).AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"Report #{report.Id}: {report.Title}")
            .AppendLine(CultureInfo.InvariantCulture, $"Category: {category}")
            .AppendLine(CultureInfo.InvariantCulture, $"Location: {MailWords.Coordinates(report)}")
            .AppendLine(CultureInfo.InvariantCulture, $"Public page: {publicUrl}").AppendLine()
            .AppendLine(report.Description).AppendLine()
            .AppendLine("History:");
        foreach (var entry in history)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  {Stamp(entry)} {entry.Actor}: {What(entry)}");
        }

        text.AppendLine().AppendLine("Answer with one of these links (each opens a page where you confirm):");
        foreach (var action in actions)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  {action.Label}: {action.Url}");
        }

        var html = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"<p><strong>{E(why)}</strong></p>")
            .Append(CultureInfo.InvariantCulture, $"<h1 style=\"font-size:1.2em\">Report #{report.Id}: {E(report.Title)}</h1>")
            .Append(CultureInfo.InvariantCulture, $"<p>{E(category)}, {E(MailWords.Coordinates(report))}, <a href=\"{E(publicUrl)}\">{E(publicUrl)}</a></p>")
            .Append(CultureInfo.InvariantCulture, $"<p style=\"white-space:pre-wrap\">{E(report.Description)}</p>")
            .Append("<h2 style=\"font-size:1em\">History</h2><ul>");
        foreach (var entry in history)
        {
            html.Append(CultureInfo.InvariantCulture, $"<li>{E(Stamp(entry))} {E(entry.Actor)}: {E(What(entry))}</li>");
        }

        html.Append("</ul><p>Answer with one of these links (each opens a page where you confirm):</p><ul>");
        foreach (var action in actions)
        {
            html.Append(CultureInfo.InvariantCulture, $"<li><a href=\"{E(action.Url)}\">{E(action.Label)}</a></li>");
        }

        html.Append("</ul>");
        return new MailContent($"Escalation: [{site} #{report.Id}] {category}: {report.Title}", text.ToString(), Page(html.ToString()));
    }

    public static MailContent Questionnaire(IStringLocalizer t, string site, Report report, string? operatorName, string questionnaireUrl,
        string publicUrl, string unsubscribeUrl, TimeSpan lifetime)
    {
        string context = ReportStatusRules.TypeOf(report.Status) == StatusType.Fixed
            ? t["Questionnaire.MarkedFixed", operatorName ?? t["Questionnaire.TheOperator"]]
            : operatorName is null ? t["Questionnaire.StillOpen"] : t["Questionnaire.SentStillOpen", operatorName];
        var id = report.Id.ToString(CultureInfo.InvariantCulture);
        var text = new StringBuilder()
            .AppendLine(t["HelloName", report.ReporterName]).AppendLine()
            .AppendLine(t["Questionnaire.Reported", $"\"{report.Title}\"", id, site, context])
            .AppendLine(t["Questionnaire.Ask"]).AppendLine()
            .AppendLine(questionnaireUrl).AppendLine()
            .AppendLine(t["Questionnaire.Lifetime", lifetime.TotalDays])
            .AppendLine(t["SeeReport.Text", publicUrl]).AppendLine()
            .AppendLine(t["Unsubscribe.Text", unsubscribeUrl]);
        var html = Page(
            $"<p>{E(t["HelloName", report.ReporterName])}</p>" +
            $"<p>{t["Questionnaire.Reported", $"<strong>{E(report.Title)}</strong>", id, E(site), E(context)]}</p>" +
            $"<p><a href=\"{E(questionnaireUrl)}\">{E(t["Questionnaire.Link"])}</a></p>" +
            $"<p>{E(t["Questionnaire.Lifetime", lifetime.TotalDays])}</p>" +
            $"<p><a href=\"{E(publicUrl)}\">{E(t["SeeReport"])}</a></p>" +
            $"<p style=\"font-size:0.9em\"><a href=\"{E(unsubscribeUrl)}\">{E(t["Unsubscribe"])}</a></p>");
        return new MailContent(string.Create(CultureInfo.InvariantCulture, $"[{site} #{report.Id}] {t["Questionnaire.Subject"]} {report.Title}"),
            text.ToString(), html);
    }

    private static string Stamp(ReportEvent entry) => entry.At.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);

    private static string What(ReportEvent entry) => entry.ToStatus is { } to
        ? $"status {ReportStatusWording.Of(to)}{(string.IsNullOrWhiteSpace(entry.PublicText) ? "" : " — " + entry.PublicText)}"
        : entry.PublicText ?? entry.Kind.ToString();
}
