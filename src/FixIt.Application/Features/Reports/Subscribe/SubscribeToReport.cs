using FixIt.Application.Abstractions;
using FixIt.Application.Common;
using FixIt.Domain.Messaging;
using FixIt.Domain.Reports;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace FixIt.Application.Features.Reports.Subscribe;

/// <summary>
/// Anyone asks to be emailed about updates to a public report. The answer is the same whether or not the address
/// was already subscribed: the confirmation email is the only place that tells the owner of the address anything.
/// </summary>
public sealed record SubscribeToReportCommand(int ReportId, string? Email) : ICommand
{
    /// <summary>The language the resident asked in (the request's culture, set by the endpoint); normalised to one of <see cref="SiteLanguages.All"/>.</summary>
    public string? Language { get; init; }
}

internal sealed class SubscribeToReportHandler(IFixItDb db, IReportMailer mailer, TimeProvider clock) : ICommandHandler<SubscribeToReportCommand>
{
    // Someone could press the button over and over with another person's address; one email an hour is enough.
    private static readonly TimeSpan ResendInterval = TimeSpan.FromHours(1);

    public async ValueTask<Unit> Handle(SubscribeToReportCommand command, CancellationToken cancellationToken)
    {
        var report = await db.Reports.SingleOrDefaultAsync(r => r.Id == command.ReportId, cancellationToken);
        if (report is null || !ReportStatusRules.IsPublic(report.Status))
        {
            throw new NotFoundException("Report", command.ReportId);
        }

        var now = clock.GetUtcNow();
        var email = ReportSubscription.Normalize(EmailAddresses.Normalize(command.Email) ?? command.Email!);
        var subscription = await db.ReportSubscriptions.SingleOrDefaultAsync(s => s.ReportId == report.Id && s.Email == email, cancellationToken);
        if (subscription is null)
        {
            subscription = new ReportSubscription(report.Id, email, now);
            db.ReportSubscriptions.Add(subscription);
        }
        else
        {
            var since = now - ResendInterval;
            if (await db.AccessTokens.AnyAsync(t => t.SubscriptionId == subscription.Id && t.Purpose == TokenPurpose.Subscribe
                && t.CreatedAt > since, cancellationToken))
            {
                return Unit.Value;
            }
        }

        subscription.AskedIn(SiteLanguages.Normalise(command.Language));
        await mailer.QueueSubscriptionConfirmationAsync(report, subscription, cancellationToken);
        var isNew = subscription.Id == 0;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException) when (isNew)
        {
            // The same address asked in another request at the same moment and won the unique index: that request
            // sends the confirmation, and this one gives the same answer. (SaveChanges inside the command's
            // transaction rolled back to its savepoint, so the transaction is still usable; the rows this attempt
            // added stay unsaved, as nothing saves after this, and the next command's unit of work starts empty.)
            if (!await SubscribedMeanwhileAsync(report.Id, email, cancellationToken))
            {
                throw;
            }
        }

        return Unit.Value;
    }

    private Task<bool> SubscribedMeanwhileAsync(int reportId, string email, CancellationToken cancellationToken) =>
        db.ReportSubscriptions.AsNoTracking().AnyAsync(s => s.ReportId == reportId && s.Email == email, cancellationToken);
}
