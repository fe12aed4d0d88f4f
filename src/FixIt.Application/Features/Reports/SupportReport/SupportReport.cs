using FixIt.Application.Abstractions;
using FixIt.Application.Common;
using FixIt.Domain.Messaging;
using FixIt.Domain.Reports;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace FixIt.Application.Features.Reports.SupportReport;

/// <summary>
/// "Me too": a resident who has the same problem adds their support to a public report instead of filing a duplicate.
/// It counts once the emailed link is used, once per mailbox. The answer is the same whatever the address (new,
/// already counted, the reporter's own): only the confirmation email tells the owner of the address anything.
/// </summary>
public sealed record SupportReportCommand(int ReportId, string? Email) : ICommand
{
    /// <summary>The language the resident asked in (the request's culture, set by the endpoint); normalised to one of <see cref="SiteLanguages.All"/>.</summary>
    public string? Language { get; init; }
}

internal sealed class SupportReportHandler(IFixItDb db, IReportMailer mailer, TimeProvider clock) : ICommandHandler<SupportReportCommand>
{
    // As for "email me updates": someone pressing the button over and over with another person's address gets one email an hour.
    private static readonly TimeSpan ResendInterval = TimeSpan.FromHours(1);

    public async ValueTask<Unit> Handle(SupportReportCommand command, CancellationToken cancellationToken)
    {
        var report = await db.Reports.SingleOrDefaultAsync(r => r.Id == command.ReportId, cancellationToken);
        if (report is null || !ReportStatusRules.IsPublic(report.Status))
        {
            throw new NotFoundException("Report", command.ReportId);
        }

        // Refused before anything is stored or mailed: the page shows no form for a report that is no longer open.
        if (!ReportStatusRules.CanSupport(report.Status))
        {
            throw InvalidTransitionException.NotSupportable(report.Status, report.Id);
        }

        var email = EmailAddresses.Normalize(command.Email) ?? command.Email!;
        var mailbox = EmailAddresses.MailboxHash(email);

        // The reporter is already the first person the report counts.
        if (mailbox == EmailAddresses.MailboxHash(report.ReporterEmail))
        {
            return Unit.Value;
        }

        var now = clock.GetUtcNow();
        var since = now - ResendInterval;
        var support = await db.ReportSupports.SingleOrDefaultAsync(s => s.ReportId == report.Id && s.Mailbox == mailbox, cancellationToken);
        if (support is null)
        {
            support = new ReportSupport(report.Id, mailbox, now);
            db.ReportSupports.Add(support);
        }
        else if (support.IsCounted || await db.AccessTokens.AnyAsync(t => t.SupportId == support.Id && t.Purpose == TokenPurpose.Support
            && t.CreatedAt > since, cancellationToken))
        {
            return Unit.Value;
        }

        // A blocked sender gets the same answer and email; confirming it counts nothing (ADR 0150).
        support.AskedBy(senderBlocked: await SenderBlockList.IsBlockedAsync(db, email, cancellationToken));
        support.AskedIn(SiteLanguages.Normalise(command.Language));
        await mailer.QueueSupportConfirmationAsync(report, support, email, cancellationToken);
        var isNew = support.Id == 0;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException) when (isNew)
        {
            // The same mailbox asked in another request at the same moment and won the unique index: that request
            // sends the confirmation, and this one gives the same answer (as SubscribeToReportHandler explains).
            if (!await db.ReportSupports.AsNoTracking().AnyAsync(s => s.ReportId == report.Id && s.Mailbox == mailbox, cancellationToken))
            {
                throw;
            }
        }

        return Unit.Value;
    }
}
