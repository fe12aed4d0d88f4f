using FixIt.Application.Abstractions;
using FixIt.Application.Common;
using FixIt.Domain.Moderation;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace FixIt.Application.Features.Moderation.ListBlockedSenders;

/// <summary>The block list for admins, newest first.</summary>
public sealed record ListBlockedSendersQuery : IQuery<IReadOnlyList<BlockedSenderView>>;

/// <summary>One entry of the block list: the normalised value, address or domain, why, when and by whom.</summary>
public sealed record BlockedSenderView(string Value, BlockedSenderKind Kind, string Reason, DateTimeOffset BlockedAt, string BlockedBy)
{
    public static BlockedSenderView Of(BlockedSender b) => new(b.Value, b.Kind, b.Reason, b.BlockedAt, b.BlockedByName);
}

internal sealed class ListBlockedSendersHandler(IFixItDb db) : IQueryHandler<ListBlockedSendersQuery, IReadOnlyList<BlockedSenderView>>
{
    public async ValueTask<IReadOnlyList<BlockedSenderView>> Handle(ListBlockedSendersQuery query, CancellationToken cancellationToken) =>
        await db.BlockedSenders.AsNoTracking().OrderByDescending(b => b.Id)
            .Select(b => new BlockedSenderView(b.Value, b.Kind, b.Reason, b.BlockedAt, b.BlockedByName))
            .ToListAsync(cancellationToken);
}

internal static class BlockListRules
{
    /// <summary>The <c>value</c> of a block or unblock: an email address or a domain name (<see cref="SenderBlockList.Parse"/>).</summary>
    public static void BlockListValue<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(v => SenderBlockList.Parse(v) is not null).WithMessage(SenderBlockList.InvalidValue);
}
