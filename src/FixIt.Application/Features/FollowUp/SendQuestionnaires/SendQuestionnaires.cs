using FixIt.Application.Abstractions;
using FixIt.Application.Common.Scheduling;
using FixIt.Domain.Reports;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace FixIt.Application.Features.FollowUp.SendQuestionnaires;

/// <summary>
/// Asks reporters "has this been fixed?": <c>FollowUp:QuestionnaireAfter</c> after sending (and after each earlier
/// questionnaire) while the report is open, and <c>FollowUp:ConfirmFixedAfter</c> after an operator marked it fixed
/// (unless the reporter already said so). One questionnaire per report per round, claimed like every scheduled job's
/// item; a new one withdraws the link of the one before. A scheduled job.
/// </summary>
public sealed record SendQuestionnairesCommand : IScheduledJobCommand;

internal sealed class SendQuestionnairesHandler(IFixItDb db, IFollowUpMailer mailer, IOptions<FollowUpOptions> options, TimeProvider clock)
    : ICommandHandler<SendQuestionnairesCommand, JobRun>
{
    public async ValueTask<JobRun> Handle(SendQuestionnairesCommand command, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var now = clock.GetUtcNow();
        var openCutoff = now - settings.QuestionnaireAfter;
        var fixedCutoff = now - settings.ConfirmFixedAfter;

        var stillOpen = await db.Reports.Where(ReportStatusRules.IsOpenReport)
            .Where(r => r.SentAt != null && (r.QuestionnaireSentAt ?? r.SentAt) <= openCutoff)
            .OrderBy(r => r.Id).Take(settings.BatchSize)
            .ToListAsync(cancellationToken);
        var markedFixed = await db.Reports.Where(ReportStatusRules.IsFixedReport)
            .Where(r => r.FixedAt <= fixedCutoff
                && (r.QuestionnaireSentAt == null || r.QuestionnaireSentAt < r.FixedAt)
                && (r.FixedByReporterAt == null || r.FixedByReporterAt < r.FixedAt))
            .OrderBy(r => r.Id).Take(settings.BatchSize)
            .ToListAsync(cancellationToken);

        var handled = 0;
        foreach (var report in stillOpen.Concat(markedFixed).OrderBy(r => r.Id).Take(settings.BatchSize))
        {
            var seen = report.QuestionnaireSentAt;
            var claimed = await db.Reports.Where(r => r.Id == report.Id && r.QuestionnaireSentAt == seen)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.QuestionnaireSentAt, now), cancellationToken);
            if (claimed == 1)
            {
                // Claimed even when the reporter opted out of emails: the round is over either way.
                report.RecordQuestionnaireSent(now);
                await mailer.QueueQuestionnaireAsync(report, cancellationToken);
                handled++;
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        return new JobRun(handled, stillOpen.Count >= settings.BatchSize || markedFixed.Count >= settings.BatchSize);
    }
}
