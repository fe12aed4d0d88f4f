using FixIt.Domain.Messaging;
using FixIt.Domain.Reports;
using FixIt.Infrastructure.Mail.Composition;
using FixIt.Infrastructure.Mail.Sending;
using FixIt.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace FixIt.Infrastructure.Mail.Outbox;

/// <summary>
/// Writes what became of a sent batch, with its consequences for the reports (sent, or a visible failure, and
/// the reporter's "sent to" email), in one SaveChanges: all of it is recorded, or none and the lease decides.
/// </summary>
internal sealed class OutboxRecorder(FixItDbContext db, ReportMailer mailer, MailOptions options, TimeProvider clock, SqliteWriteGate writeGate)
{
    public async Task RecordAsync(IReadOnlyList<OutboxMessage> messages, IReadOnlyList<SendOutcome> outcomes, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var reportIds = messages.Where((m, i) => m.ReportId is not null && (outcomes[i].Result == SendResult.Sent
            ? m.Kind == MailKind.OperatorReport : WillFail(m, outcomes[i]))).Select(m => m.ReportId!.Value).Distinct().ToList();
        var reports = reportIds.Count == 0 ? [] : await db.Reports.Where(r => reportIds.Contains(r.Id)).ToDictionaryAsync(r => r.Id, cancellationToken);
        var operatorIds = messages.Where(m => m.OperatorId is not null).Select(m => m.OperatorId!.Value).Distinct().ToList();
        var operators = operatorIds.Count == 0 ? [] : await db.Operators.Where(o => operatorIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, cancellationToken);

        for (var i = 0; i < messages.Count; i++)
        {
            var message = messages[i];
            var outcome = outcomes[i];
            var report = message.ReportId is { } id ? reports.GetValueOrDefault(id) : null;
            var operatorName = message.OperatorId is { } op ? operators.GetValueOrDefault(op, "the operator") : "the operator";
            switch (outcome.Result)
            {
                case SendResult.Sent:
                    message.MarkSent(outcome.At);
                    if (message.Kind == MailKind.OperatorReport && report is not null)
                    {
                        report.MarkSent(operatorName, outcome.At);
                        await mailer.QueueSentNoticeAsync(report, operatorName, cancellationToken);
                    }

                    break;
                case SendResult.Transient when message.Attempts + 1 < options.MaxAttempts:
                    var delay = RetryPolicy.DelayAfter(message.Attempts + 1, options.RetryBaseDelay, options.RetryMaxDelay, Random.Shared.NextDouble());
                    message.RetryAt(now + delay, outcome.Error ?? "Temporary failure.");
                    break;
                case SendResult.Transient or SendResult.Permanent:
                    var error = outcome.Result == SendResult.Transient
                        ? $"Gave up after {message.Attempts + 1} attempts: {outcome.Error}"
                        : outcome.Error ?? "Refused by the mail server.";
                    message.GiveUp(error);
                    report?.RecordDeliveryProblem(ReportEventKind.SendFailed, FailureText(message, operatorName), now,
                        isPublic: message.Kind == MailKind.OperatorReport);
                    break;
                case SendResult.NotAttempted:
                    message.ReleaseClaim();
                    break;
            }
        }

        using (await writeGate.EnterAsync(cancellationToken))
        {
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    private bool WillFail(OutboxMessage message, SendOutcome outcome) =>
        outcome.Result == SendResult.Permanent || (outcome.Result == SendResult.Transient && message.Attempts + 1 >= options.MaxAttempts);

    // Public text never repeats the server's words: they often quote the recipient's address.
    private static string FailureText(OutboxMessage message, string operatorName) => message.Kind switch
    {
        MailKind.OperatorReport => $"The report could not be emailed to {operatorName}. An administrator will look into it.",
        MailKind.OperatorReminder or MailKind.OperatorEscalation or MailKind.OperatorReopened =>
            $"An email to {operatorName} ({message.Kind}) could not be delivered.",
        MailKind.SubscriptionConfirmation or MailKind.SubscriberUpdate => $"An email to a follower ({message.Kind}) could not be delivered.",
        MailKind.SupportConfirmation => $"An email to a supporter ({message.Kind}) could not be delivered.",
        _ => $"An email to the reporter ({message.Kind}) could not be delivered.",
    };
}
