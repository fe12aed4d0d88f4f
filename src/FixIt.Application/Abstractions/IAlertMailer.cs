using FixIt.Domain.Alerts;
using FixIt.Domain.Reports;

namespace FixIt.Application.Abstractions;

/// <summary>
/// The emails of alerts for a place, written into the outbox on the caller's unit of work like <see cref="IReportMailer"/>'s,
/// each (but the confirmation request) with a link and a List-Unsubscribe header that stop the alert. Each is written in the
/// alert's stored language (<see cref="AreaAlert.Language"/>), the place named in it too.
/// </summary>
public interface IAlertMailer
{
    /// <summary>"Confirm you want alerts" with a single-use link; the alert may be unsaved. False when the mailbox's daily cap is reached.</summary>
    Task<bool> QueueConfirmationAsync(AreaAlert alert, CancellationToken cancellationToken);

    /// <summary>One new report, to an immediate alert.</summary>
    Task QueueReportAsync(AreaAlert alert, Report report, CancellationToken cancellationToken);

    /// <summary>The day's new reports, to a daily alert.</summary>
    Task QueueDigestAsync(AreaAlert alert, IReadOnlyList<Report> reports, CancellationToken cancellationToken);
}
