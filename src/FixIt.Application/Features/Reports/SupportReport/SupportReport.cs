using FixIt.Application.Abstractions;
using FixIt.Application.Common;
using FixIt.Application.Features.Reports.ConfirmByEmail;
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
    public async ValueTask<Unit> Handle(SupportReportCommand command, CancellationToken cancellationToken)
    {
        var report = await PublicReports.RequireAsync(db, command.ReportId, cancellationToken);

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
        var support = await db.ReportSupports.SingleOrDefaultAsync(s => s.ReportId == report.Id && s.Mailbox == mailbox, cancellationToken);
        if (support is null)
        {
            support = new ReportSupport(report.Id, mailbox, now);
            db.ReportSupports.Add(support);
        }
        else if (support.IsCounted || await ResidentLinks.SentWithinTheHourAsync(db, TokenPurpose.Support, support.Id, now, cancellationToken))
        {
            return Unit.Value;
        }

        // A blocked sender gets the same answer and email; confirming it counts nothing (ADR 0150).
        support.AskedBy(senderBlocked: await SenderBlockList.IsBlockedAsync(db, email, cancellationToken));
        support.AskedIn(SiteLanguages.Normalise(command.Language));

        // The address is used for this email only: the support keeps a hash of the mailbox.
        var link = new ResidentLink(TokenPurpose.Support, report, email, support.Language) { Support = support };
        await ResidentLinks.SendAsync(db, mailer, link, support.Id == 0
            ? () => db.ReportSupports.AsNoTracking().AnyAsync(s => s.ReportId == report.Id && s.Mailbox == mailbox, cancellationToken)
            : null, cancellationToken);
        return Unit.Value;
    }
}
