using FixIt.Application.Abstractions;
using FixIt.Application.Common;
using FixIt.Application.Features.Alerts;
using FixIt.Domain.Alerts;
using FixIt.Domain.Messaging;
using FixIt.Domain.Reports;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using MimeKit.Utils;

namespace FixIt.Infrastructure.Mail.Composition;

/// <summary>Renders the alert emails (<see cref="AlertTemplates"/>) with their link tokens and adds them to the caller's unit of work.</summary>
internal sealed class AlertMailer(IFixItDb db, IOptions<MailOptions> mailOptions, IOptions<SiteOptions> siteOptions, MailboxCaps caps,
    IStringLocalizer<ResidentMailText> t, TimeProvider clock) : IAlertMailer
{
    private readonly MailOptions _mail = mailOptions.Value;
    private readonly SiteOptions _site = siteOptions.Value;

    public async Task<bool> QueueConfirmationAsync(AreaAlert alert, CancellationToken cancellationToken)
    {
        // Anyone can make FixIt send this to any address: capped per mailbox and day like the other confirmation requests.
        if (!await caps.TryTakeAsync(MailKind.AlertConfirmation, alert.Email, 0, cancellationToken))
        {
            return false;
        }

        var now = clock.GetUtcNow();
        var confirm = _site.Url($"alerts/confirm/{AlertLinks.Issue(db, alert, AlertTokenPurpose.Confirm, _mail.ConfirmLinkLifetime, now)}");
        var (area, categories) = (await AreaAsync(alert, cancellationToken), await CategoryNamesAsync(alert, cancellationToken));
        var content = ResidentMailText.In(alert.Language, () => AlertTemplates.Confirmation(t, _site.Name, Place(alert, area), categories,
            alert.Frequency, confirm, _mail.ConfirmLinkLifetime));
        Add(MailKind.AlertConfirmation, null, alert.Email, content, null, now);
        return true;
    }

    public async Task QueueReportAsync(AreaAlert alert, Report report, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var stop = StopLink(alert, now);
        var item = await ItemAsync(report, cancellationToken);
        var area = await AreaAsync(alert, cancellationToken);
        var content = ResidentMailText.In(alert.Language, () => AlertTemplates.NewReport(t, _site.Name, Place(alert, area), item, FeedUrl(alert), stop));
        Add(MailKind.AlertReport, report.Id, alert.Email, content, stop, now);
    }

    public async Task QueueDigestAsync(AreaAlert alert, IReadOnlyList<Report> reports, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var stop = StopLink(alert, now);
        var items = new List<AlertItem>(reports.Count);
        foreach (var report in reports)
        {
            items.Add(await ItemAsync(report, cancellationToken));
        }

        var area = await AreaAsync(alert, cancellationToken);
        var content = ResidentMailText.In(alert.Language, () => AlertTemplates.Digest(t, _site.Name, Place(alert, area), items, FeedUrl(alert), stop));
        Add(MailKind.AlertDigest, null, alert.Email, content, stop, now);
    }

    /// <summary>The Atom feed of the same place: the area's, or the reports near the point.</summary>
    public string FeedUrl(AreaAlert alert) => _site.Url(AlertViews.FeedPath(alert.AreaId, alert.Latitude, alert.Longitude, alert.RadiusMetres));

    private string StopLink(AreaAlert alert, DateTimeOffset now) =>
        _site.Url($"alerts/stop/{AlertLinks.Issue(db, alert, AlertTokenPurpose.Unsubscribe, _mail.UnsubscribeLinkLifetime, now)}");

    private async Task<AlertItem> ItemAsync(Report report, CancellationToken cancellationToken)
    {
        var category = (await db.Categories.FindAsync([report.CategoryId], cancellationToken))?.Name ?? "";
        return new AlertItem(report.Id, report.Title, category, _site.Url($"reports/{report.Id}"));
    }

    // The place in the alert's language: composed here, not taken from the caller, whose words are the request's.
    private string Place(AreaAlert alert, (string Name, string Kind)? area) =>
        AlertTemplates.Place(t, area?.Name, area?.Kind, alert.Latitude, alert.Longitude, alert.RadiusMetres);

    private async Task<(string Name, string Kind)?> AreaAsync(AreaAlert alert, CancellationToken cancellationToken)
    {
        if (alert.AreaId is not { } areaId)
        {
            return null;
        }

        var area = await db.Areas.Where(a => a.Id == areaId).Select(a => new { a.Name, a.Kind }).SingleOrDefaultAsync(cancellationToken);
        return area is null ? null : (area.Name, area.Kind);
    }

    private async Task<IReadOnlyList<string>> CategoryNamesAsync(AreaAlert alert, CancellationToken cancellationToken)
    {
        var ids = alert.Categories.Select(c => c.CategoryId).ToList();
        return ids.Count == 0 ? [] : await db.Categories.Where(c => ids.Contains(c.Id)).OrderBy(c => c.Name).Select(c => c.Name).ToListAsync(cancellationToken);
    }

    // Every message gets a bounce key of its own (its VERP envelope sender), as ReportMailer's do.
    private void Add(MailKind kind, int? reportId, string to, MailContent content, string? listUnsubscribe, DateTimeOffset now)
    {
        var domain = _mail.FromAddress[(_mail.FromAddress.LastIndexOf('@') + 1)..];
        db.OutboxMessages.Add(new OutboxMessage(kind, reportId, null, to, "", HeaderText.SingleLine(content.Subject, 450), content.Text, content.Html,
            null, listUnsubscribe, MimeUtils.GenerateMessageId(domain), now, RandomKeys.Base32(15)));
    }
}
