using FixIt.Application.Abstractions;
using FixIt.Application.Common;
using FixIt.Domain.Moderation;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace FixIt.Application.Features.Moderation.ListAudit;

/// <summary>
/// The audit log for admins, newest first, a page at a time, filtered by report, by person (the actor's id or name,
/// exactly) and by action (<see cref="AuditActions"/>).
/// </summary>
public sealed record ListAuditEntriesQuery(int? ReportId = null, string? Actor = null, string? Action = null, int Page = 1, int PageSize = 50)
    : IQuery<AuditPage>;

public sealed record AuditPage(int Page, int PageSize, int Total, IReadOnlyList<AuditEntryView> Entries);

public sealed record AuditEntryView(long Id, DateTimeOffset At, StaffActorKind ActorKind, string ActorId, string ActorName, string Action,
    int? ReportId, long? UpdateId, string? Target, string? Before, string? After, string? Reason);

internal sealed class ListAuditEntriesValidator : AbstractValidator<ListAuditEntriesQuery>
{
    public const int MaxPageSize = 200;

    public ListAuditEntriesValidator()
    {
        RuleFor(q => q.Page).GreaterThanOrEqualTo(1);
        RuleFor(q => q.PageSize).InclusiveBetween(1, MaxPageSize);
    }
}

internal sealed class ListAuditEntriesHandler(IFixItDb db) : IQueryHandler<ListAuditEntriesQuery, AuditPage>
{
    public async ValueTask<AuditPage> Handle(ListAuditEntriesQuery query, CancellationToken cancellationToken)
    {
        var entries = db.AuditEntries.AsNoTracking();
        if (query.ReportId is { } reportId)
        {
            entries = entries.Where(e => e.ReportId == reportId);
        }

        if (!string.IsNullOrWhiteSpace(query.Actor))
        {
            var actor = query.Actor.Trim();
            entries = entries.Where(e => e.ActorId == actor || e.ActorName == actor);
        }

        if (!string.IsNullOrWhiteSpace(query.Action))
        {
            var action = query.Action.Trim();
            entries = entries.Where(e => e.Action == action);
        }

        var total = await entries.CountAsync(cancellationToken);
        var page = await entries.OrderByDescending(e => e.Id)
            .Skip(Paging.Skip(query.Page, query.PageSize)).Take(query.PageSize)
            .Select(e => new AuditEntryView(e.Id, e.At, e.ActorKind, e.ActorId, e.ActorName, e.Action, e.ReportId, e.UpdateId, e.Target,
                e.Before, e.After, e.Reason))
            .ToListAsync(cancellationToken);
        return new AuditPage(query.Page, query.PageSize, total, page);
    }
}
