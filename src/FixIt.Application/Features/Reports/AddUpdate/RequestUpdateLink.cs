using FixIt.Application.Abstractions;
using FixIt.Application.Common;
using FixIt.Domain.Messaging;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace FixIt.Application.Features.Reports.AddUpdate;

/// <summary>
/// "Add an update" on a report page, without a link at hand: the address given is emailed a single-use link to the
/// update form when it is the reporter's or a confirmed, still subscribed follower's; any other address is sent
/// nothing. The answer is the same either way, so the page never tells who follows a report: only the mailbox does.
/// </summary>
/// <remarks>Errors: <see cref="NotFoundException"/> when the report is not public.</remarks>
public sealed record RequestUpdateLinkCommand(int ReportId, string? Email) : ICommand;

internal sealed class RequestUpdateLinkHandler(IFixItDb db, IReportMailer mailer) : ICommandHandler<RequestUpdateLinkCommand>
{
    public async ValueTask<Unit> Handle(RequestUpdateLinkCommand command, CancellationToken cancellationToken)
    {
        var report = await PublicReports.RequireAsync(db, command.ReportId, cancellationToken);

        var address = EmailAddresses.Normalize(command.Email) ?? command.Email!.Trim();
        if (report.ReporterEmail.Length > 0
            && string.Equals(EmailAddresses.Normalize(report.ReporterEmail) ?? report.ReporterEmail, address, StringComparison.OrdinalIgnoreCase))
        {
            await mailer.QueueUpdateLinkAsync(report, null, cancellationToken);
        }
        else
        {
            var email = ReportSubscription.Normalize(address);
            var follower = await db.ReportSubscriptions.SingleOrDefaultAsync(
                s => s.ReportId == report.Id && s.Email == email && s.ConfirmedAt != null && s.UnsubscribedAt == null, cancellationToken);
            if (follower is not null)
            {
                await mailer.QueueUpdateLinkAsync(report, follower, cancellationToken);
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
