using FixIt.Application.Routing;
using Mediator;
using Microsoft.Extensions.Logging;

namespace FixIt.Application.Behaviours;

/// <summary>
/// Just outside the transaction: after a command marked <see cref="IChangesRouting"/> has committed, rebuilds the routing
/// index. The change is already stored, so a failed rebuild is logged, not thrown: the refresher's poll retries it.
/// </summary>
public sealed partial class RoutingRefreshBehaviour<TMessage, TResponse>(IRoutingIndexControl routing,
    ILogger<RoutingRefreshBehaviour<TMessage, TResponse>> logger) : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IMessage
{
    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        var response = await next(message, cancellationToken);
        if (message is IChangesRouting)
        {
            try
            {
                await routing.RefreshAfterChangeAsync(cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogRefreshFailed(typeof(TMessage).Name, ex);
            }
        }

        return response;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Routing index refresh after {Message} failed; the next poll retries it")]
    private partial void LogRefreshFailed(string message, Exception exception);
}
