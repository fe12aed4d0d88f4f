using FixIt.Application.Abstractions;
using FixIt.Domain.Messaging;
using FixIt.Domain.Reports;
using Microsoft.EntityFrameworkCore;

namespace FixIt.Application.Features.Privacy;

/// <summary>
/// Erases a reporter from one report and from every copy FixIt kept with it: the reply address given to them, their
/// opt-out, the mail sent to them about it (the record stays, without address, name or body) and the raw mail they
/// sent about it. One rule for the resident's erasure, an admin's and the retention job's.
/// </summary>
internal static class ReportContactEraser
{
    /// <summary>Needs the report's <see cref="Report.Events"/> loaded; the caller saves.</summary>
    public static async Task EraseAsync(IFixItDb db, Report report, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var address = report.EraseContact(now).ToLowerInvariant();
        var id = report.Id;
        foreach (var key in await db.ReplyKeys.Where(k => k.ReportId == id && k.Holder == ReplyKeyHolder.Reporter && k.Address != "")
            .ToListAsync(cancellationToken))
        {
            key.ForgetAddress();
        }

        await db.MailOptOuts.Where(o => o.ReportId == id).ExecuteDeleteAsync(cancellationToken);
        if (address.Length == 0)
        {
            return;
        }

        await ForgetMailAsync(PersonAddress.MailTo(db, address).Where(m => m.ReportId == id), cancellationToken);
        await ForgetInboundAsync(PersonAddress.MailFrom(db, address).Where(m => m.ReportId == id), cancellationToken);
    }

    /// <summary>Each message keeps the record that it was sent, without its recipient or body; one still waiting is not sent.</summary>
    public static async Task ForgetMailAsync(IQueryable<OutboxMessage> messages, CancellationToken cancellationToken)
    {
        foreach (var message in await messages.ToListAsync(cancellationToken))
        {
            message.ForgetRecipient();
        }
    }

    /// <summary>Raw mail from the person goes, with its envelope sender; the row (status, report, outcome) stays.</summary>
    public static Task<int> ForgetInboundAsync(IQueryable<Domain.Inbound.InboundMessage> messages, CancellationToken cancellationToken)
    {
        var empty = Array.Empty<byte>();
        return messages.ExecuteUpdateAsync(s => s.SetProperty(m => m.Raw, empty).SetProperty(m => m.EnvelopeFrom, (string?)null), cancellationToken);
    }
}
