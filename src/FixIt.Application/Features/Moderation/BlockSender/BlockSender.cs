using System.Globalization;
using FixIt.Application.Abstractions;
using FixIt.Application.Common;
using FixIt.Application.Features.Alerts;
using FixIt.Application.Features.Moderation.ListBlockedSenders;
using FixIt.Domain.Messaging;
using FixIt.Domain.Moderation;
using FixIt.Domain.Reports;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace FixIt.Application.Features.Moderation.BlockSender;

/// <summary>
/// An admin puts an address or a whole domain on the block list (<see cref="SenderBlockList"/>). From then on the
/// sender's reports are accepted but stay hidden and unsent, and their subscriptions and replies are dropped. What they
/// already have: public reports not yet sent to an operator are hidden (their queued operator email is not sent); active
/// subscriptions and area alerts end. Reports already sent stay as they are (ADR 0150).
/// </summary>
/// <remarks>Errors: 400 naming <c>value</c> or <c>reason</c>; 409 when the value is already on the list.</remarks>
public sealed record BlockSenderCommand(string? Value, string? Reason, StaffActor Actor) : ICommand<SenderBlocked>;

/// <summary>The new entry and what the block did to what the sender already had.</summary>
public sealed record SenderBlocked(BlockedSenderView Blocked, IReadOnlyList<int> HiddenReports, int EndedSubscriptions, int StoppedAlerts);

internal sealed class BlockSenderValidator : AbstractValidator<BlockSenderCommand>
{
    public BlockSenderValidator()
    {
        RuleFor(c => c.Value).BlockListValue();
        RuleFor(c => c.Reason).Reason();
    }
}

internal sealed class BlockSenderHandler(IFixItDb db, TimeProvider clock) : ICommandHandler<BlockSenderCommand, SenderBlocked>
{
    private const string NotSent = "Not sent: the reporter is on the block list.";

    public async ValueTask<SenderBlocked> Handle(BlockSenderCommand command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var (value, kind) = SenderBlockList.Parse(command.Value)!.Value;
        var reason = command.Reason!.Trim();
        if (await db.BlockedSenders.AsNoTracking().SingleOrDefaultAsync(b => b.Value == value, cancellationToken) is { } existing)
        {
            throw new ModerationConflictException(
                $"{value} is already on the block list (since {existing.BlockedAt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}).");
        }

        var blocked = new BlockedSender(value, kind, reason, command.Actor, now);
        db.BlockedSenders.Add(blocked);

        // Candidates are found by the domain in SQL (every stored address has a lower-case ASCII domain), then the rule decides.
        var domain = value[(value.LastIndexOf('@') + 1)..];
        var (at, dot) = ("@" + domain, "." + domain);
        var reports = (await db.Reports.Where(ReportStatusRules.IsPublicReport)
                .Where(r => r.SentAt == null && (r.ReporterEmail.EndsWith(at) || r.ReporterEmail.EndsWith(dot)))
                .ToListAsync(cancellationToken))
            .Where(r => SenderBlockList.Covers(value, r.ReporterEmail)).ToList();
        var hidden = new List<(Report Report, ReportEvent Event, ReportStatus Before)>();
        foreach (var report in reports)
        {
            var before = report.Status;
            hidden.Add((report, report.Hide($"The reporter is on the block list: {reason}", now), before));
        }

        var hiddenIds = reports.Select(r => r.Id).ToList();
        foreach (var message in await db.OutboxMessages.Where(m => m.ReportId != null && hiddenIds.Contains(m.ReportId.Value)
            && m.Kind == MailKind.OperatorReport && m.Status == OutboxStatus.Pending).ToListAsync(cancellationToken))
        {
            message.GiveUp(NotSent);
        }

        var subscriptions = (await db.ReportSubscriptions.Where(s => s.UnsubscribedAt == null && (s.Email.EndsWith(at) || s.Email.EndsWith(dot)))
            .ToListAsync(cancellationToken)).Where(s => SenderBlockList.Covers(value, s.Email)).ToList();
        subscriptions.ForEach(s => s.Unsubscribe(now));
        var alerts = (await db.AreaAlerts.Where(a => a.UnsubscribedAt == null && (a.Email.EndsWith(at) || a.Email.EndsWith(dot)))
            .ToListAsync(cancellationToken)).Where(a => SenderBlockList.Covers(value, a.Email)).ToList();
        alerts.ForEach(a => a.Unsubscribe(now));
        if (alerts.Count > 0)
        {
            await AlertLinks.BumpVersionAsync(db, cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
        foreach (var (report, hideEvent, before) in hidden)
        {
            db.AuditEntries.Add(new AuditEntry(command.Actor, AuditActions.HideReport, now, $"The reporter is on the block list: {reason}",
                reportId: report.Id, updateId: hideEvent.Id, target: value,
                before: ModerationRules.Json(new Dictionary<string, object?> { ["status"] = before.ToString() }),
                after: ModerationRules.Json(new Dictionary<string, object?> { ["status"] = report.Status.ToString() })));
        }

        db.AuditEntries.Add(new AuditEntry(command.Actor, AuditActions.BlockSender, now, reason, target: value,
            after: ModerationRules.Json(new Dictionary<string, object?>
            {
                ["value"] = value,
                ["kind"] = kind.ToString(),
                ["hiddenReports"] = hiddenIds,
                ["endedSubscriptions"] = subscriptions.Count,
                ["stoppedAlerts"] = alerts.Count,
            })));
        await db.SaveChangesAsync(cancellationToken);
        return new SenderBlocked(BlockedSenderView.Of(blocked), hiddenIds, subscriptions.Count, alerts.Count);
    }
}
