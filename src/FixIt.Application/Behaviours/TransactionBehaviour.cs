using FixIt.Application.Abstractions;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace FixIt.Application.Behaviours;

/// <summary>
/// Last before the handler: runs each command in one database transaction (inside the provider's
/// execution strategy, so transient failures retry the whole command). Queries pass straight through.
/// </summary>
public sealed class TransactionBehaviour<TMessage, TResponse>(IFixItDb db) : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IMessage
{
    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        if (message is not IBaseCommand || db.Database.CurrentTransaction is not null)
        {
            return await next(message, cancellationToken);
        }

        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async ct =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var response = await next(message, ct);
            await transaction.CommitAsync(ct);
            return response;
        }, cancellationToken);
    }
}
