using FixIt.Application.Abstractions;
using FixIt.Application.Common;
using FixIt.Application.Common.Tokens;
using FixIt.Application.Features.Reports;
using FixIt.Application.Features.Reports.ReopenReport;
using FixIt.Application.Features.Reports.SubmitReport;
using FixIt.Domain.Messaging;
using FixIt.Domain.Reports;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace FixIt.Application.Features.EmailLinks.AnswerQuestionnaire;

/// <summary>The reporter's answer to "has this been fixed?".</summary>
public enum QuestionnaireAnswer
{
    Fixed,
    NotFixed,
    DontKnow,
}

/// <summary>
/// The reporter answers the questionnaire (the POST of its page; the link works once). Fixed: an open report becomes
/// Fixed by the reporter, a fixed one is confirmed. Not fixed: a fixed or closed report re-opens
/// (<see cref="ReopenReportCommand"/>), an open one stays open; either way with the reporter's optional words on the
/// timeline. Don't know: nothing changes.
/// </summary>
public sealed record AnswerQuestionnaireCommand(string Token, QuestionnaireAnswer Answer, string? Update) : ICommand<AnsweredQuestionnaire>
{
    /// <summary>With "not fixed" only: photos of how it is now, through the report photos' pipeline, shown with the update.</summary>
    public IReadOnlyList<PhotoUpload> Photos { get; init; } = [];
}

public sealed record AnsweredQuestionnaire(int ReportId, ReportStatus Status);

internal sealed class AnswerQuestionnaireHandler(IFixItDb db, ISender sender, IPublisher publisher, IPhotoProcessor photos, TimeProvider clock)
    : ICommandHandler<AnswerQuestionnaireCommand, AnsweredQuestionnaire>
{
    public async ValueTask<AnsweredQuestionnaire> Handle(AnswerQuestionnaireCommand command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var token = await LinkTokens.RequireAsync(db, command.Token, TokenPurpose.Questionnaire, now, cancellationToken);
        var report = await db.Reports.Where(ReportStatusRules.IsPublicReport).SingleOrDefaultAsync(r => r.Id == token.ReportId, cancellationToken)
            ?? throw new NotFoundException("Report", token.ReportId);
        token.Use(now);
        if (await SenderBlockList.IsBlockedAsync(db, report.ReporterEmail, cancellationToken))
        {
            // The reporter is on the block list: the same answer, and the report and its timeline stay as they are (ADR 0150).
            await db.SaveChangesAsync(cancellationToken);
            return new AnsweredQuestionnaire(report.Id, report.Status);
        }

        var words = string.IsNullOrWhiteSpace(command.Update) ? null : command.Update.Trim();

        if (command.Answer == QuestionnaireAnswer.NotFixed && ReportStatusRules.CanReopen(report.Status))
        {
            var reopened = await sender.Send(new ReopenReportCommand(report.Id, ActorKind.Reporter, report.PublicReporterName, words),
                cancellationToken);
            await AddPhotosAsync(command, report.Id, reopened.EventId, now, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            return new AnsweredQuestionnaire(reopened.Id, reopened.Status);
        }

        var update = command.Answer switch
        {
            QuestionnaireAnswer.Fixed => report.ConfirmFixedByReporter(EventSource.EmailLink, now),
            QuestionnaireAnswer.NotFixed => report.AddNote(ActorKind.Reporter, report.PublicReporterName, EventSource.EmailLink,
                words is null ? "Not fixed yet, according to the reporter." : $"Not fixed yet: {words}", now),
            _ => null,
        };
        await db.SaveChangesAsync(cancellationToken);
        if (update is not null)
        {
            await AddPhotosAsync(command, report.Id, update.Id, now, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            await publisher.Publish(new ReportUpdated(report.Id, update.Id), cancellationToken);
        }

        return new AnsweredQuestionnaire(report.Id, report.Status);
    }

    private Task AddPhotosAsync(AnswerQuestionnaireCommand command, int reportId, long eventId, DateTimeOffset now, CancellationToken cancellationToken) =>
        UpdatePhotoStore.AddAsync(db, photos, command.Photos, reportId, eventId, now, cancellationToken);
}
