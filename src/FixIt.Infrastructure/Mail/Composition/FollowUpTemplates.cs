using System.Globalization;
using System.Text;
using FixIt.Domain.Reports;
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

    public static MailContent Questionnaire(string site, Report report, string? operatorName, string questionnaireUrl, string publicUrl,
        string unsubscribeUrl, TimeSpan lifetime)
    {
        var context = ReportStatusRules.TypeOf(report.Status) == StatusType.Fixed
            ? $"{operatorName ?? "The operator"} has marked it fixed."
            : operatorName is null ? "It is still open." : $"It was sent to {operatorName} and is still open.";
        var text = new StringBuilder()
            .AppendLine(CultureInfo.InvariantCulture, $"Hello {report.ReporterName},").AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"You reported \"{report.Title}\" (#{report.Id}) on {site}. {context}")
            .AppendLine("Has it been fixed? Please tell us (yes, no, or don't know) at this link:").AppendLine()
            .AppendLine(questionnaireUrl).AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"The link works once, for {lifetime.TotalDays:0} days. Your answer is shown on the report page, your address is not.")
            .AppendLine(CultureInfo.InvariantCulture, $"See the report: {publicUrl}").AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"No more emails about this report: {unsubscribeUrl}");
        var html = Page(
            $"<p>Hello {E(report.ReporterName)},</p>" +
            $"<p>You reported <strong>{E(report.Title)}</strong> (#{report.Id}) on {E(site)}. {E(context)}</p>" +
            $"<p><a href=\"{E(questionnaireUrl)}\">Has it been fixed? Tell us</a></p>" +
            string.Create(CultureInfo.InvariantCulture, $"<p>The link works once, for {lifetime.TotalDays:0} days. Your answer is shown on the report page, your address is not.</p>") +
            $"<p><a href=\"{E(publicUrl)}\">See the report</a></p>" +
            $"<p style=\"font-size:0.9em\"><a href=\"{E(unsubscribeUrl)}\">No more emails about this report</a></p>");
        return new MailContent($"[{site} #{report.Id}] Has it been fixed? {report.Title}", text.ToString(), html);
    }

    private static string Stamp(ReportEvent entry) => entry.At.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);

    private static string What(ReportEvent entry) => entry.ToStatus is { } to
        ? $"status {ReportStatusWording.Of(to)}{(string.IsNullOrWhiteSpace(entry.PublicText) ? "" : " — " + entry.PublicText)}"
        : entry.PublicText ?? entry.Kind.ToString();
}
