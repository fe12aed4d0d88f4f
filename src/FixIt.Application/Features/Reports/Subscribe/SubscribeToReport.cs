using FixIt.Application.Abstractions;
using FixIt.Application.Common;
using FixIt.Application.Features.Reports.ConfirmByEmail;
using FixIt.Domain.Messaging;
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
    public async ValueTask<Unit> Handle(SubscribeToReportCommand command, CancellationToken cancellationToken)
    {
        var report = await PublicReports.RequireAsync(db, command.ReportId, cancellationToken);
        var now = clock.GetUtcNow();
        var email = ReportSubscription.Normalize(EmailAddresses.Normalize(command.Email) ?? command.Email!);
        var subscription = await db.ReportSubscriptions.SingleOrDefaultAsync(s => s.ReportId == report.Id && s.Email == email, cancellationToken);
        if (subscription is null)
        {
            subscription = new ReportSubscription(report.Id, email, now);
            db.ReportSubscriptions.Add(subscription);
        }
        else if (await ResidentLinks.SentWithinTheHourAsync(db, TokenPurpose.Subscribe, subscription.Id, now, cancellationToken))
        {
            return Unit.Value;
        }

        subscription.AskedIn(SiteLanguages.Normalise(command.Language));
        var link = new ResidentLink(TokenPurpose.Subscribe, report, subscription.Email, subscription.Language) { Subscription = subscription };
        await ResidentLinks.SendAsync(db, mailer, link, subscription.Id == 0
            ? () => db.ReportSubscriptions.AsNoTracking().AnyAsync(s => s.ReportId == report.Id && s.Email == email, cancellationToken)
            : null, cancellationToken);
        return Unit.Value;
    }
}
