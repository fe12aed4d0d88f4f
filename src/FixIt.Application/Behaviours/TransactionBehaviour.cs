using FixIt.Application.Abstractions;
using Mediator;

namespace FixIt.Application.Behaviours;

/// <summary>
/// Last before the handler: runs each command as one unit of work (one transaction, retried as a whole on a
/// transient fault, every attempt from a clean start: <see cref="IUnitOfWork"/>). Queries, and commands marked
/// <see cref="ICommitsItself"/>, pass straight through.
/// </summary>
public sealed class TransactionBehaviour<TMessage, TResponse>(IUnitOfWork unitOfWork) : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IMessage
{
    public ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        // A command that commits itself (report submission, ADR 0218) runs outside: its writer opens its own unit of work.
        if (message is not IBaseCommand or ICommitsItself)
        {
            return next(message, cancellationToken);
        }

        return new ValueTask<TResponse>(unitOfWork.RunAsync(ct => next(message, ct), cancellationToken));
    }
}
