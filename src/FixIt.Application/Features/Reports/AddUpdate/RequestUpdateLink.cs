using FixIt.Application.Abstractions;
using FixIt.Application.Common;
using FixIt.Application.Features.Reports.ConfirmByEmail;
using FixIt.Domain.Messaging;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace FixIt.Application.Features.Reports.AddUpdate;

/// <summary>
/// "Add an update" on a report page, without a link at hand: the address given is emailed a single-use link to the
/// update form when it is the reporter's or a confirmed, still subscribed follower's; any other address is sent
/// nothing. The answer is the same either way, so the page never tells who follows a report: only the mailbox does.
/// The email is written in the language the resident asked in, which the link records.
/// </summary>
/// <remarks>Errors: <see cref="NotFoundException"/> when the report is not public.</remarks>
public sealed record RequestUpdateLinkCommand(int ReportId, string? Email) : ICommand
{
    /// <summary>
    /// The language the resident asked in (the request's culture, set by the endpoint); normalised to one of
    /// <see cref="SiteLanguages.All"/>. Without one, the recipient's stored language (the report's or the follower's).
    /// </summary>
    public string? Language { get; init; }
}

internal sealed class RequestUpdateLinkHandler(IFixItDb db, IReportMailer mailer) : ICommandHandler<RequestUpdateLinkCommand>
{
    public async ValueTask<Unit> Handle(RequestUpdateLinkCommand command, CancellationToken cancellationToken)
    {
        var report = await PublicReports.RequireAsync(db, command.ReportId, cancellationToken);

        var address = EmailAddresses.Normalize(command.Email) ?? command.Email!.Trim();
        ResidentLink? link = null;
        if (report.ReporterEmail.Length > 0
            && string.Equals(EmailAddresses.Normalize(report.ReporterEmail) ?? report.ReporterEmail, address, StringComparison.OrdinalIgnoreCase))
        {
            link = new ResidentLink(TokenPurpose.Update, report, report.ReporterEmail, LanguageOf(command, report.Language)) { ToName = report.ReporterName };
        }
        else
        {
            var email = ReportSubscription.Normalize(address);
            var follower = await db.ReportSubscriptions.SingleOrDefaultAsync(
                s => s.ReportId == report.Id && s.Email == email && s.ConfirmedAt != null && s.UnsubscribedAt == null, cancellationToken);
            if (follower is not null)
            {
                link = new ResidentLink(TokenPurpose.Update, report, follower.Email, LanguageOf(command, follower.Language)) { Subscription = follower };
            }
        }

        if (link is not null)
        {
            await ResidentLinks.SendAsync(db, mailer, link, storedMeanwhile: null, cancellationToken);
        }

        return Unit.Value;
    }

    private static string LanguageOf(RequestUpdateLinkCommand command, string stored) =>
        command.Language is null ? stored : SiteLanguages.Normalise(command.Language);
}
