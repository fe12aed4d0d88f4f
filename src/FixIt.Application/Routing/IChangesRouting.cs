namespace FixIt.Application.Routing;

/// <summary>
/// Marks a command that changes what routing reads (areas, rules, operators, categories) and bumps the routing version
/// in its transaction. <see cref="Behaviours.RoutingRefreshBehaviour{TMessage, TResponse}"/> rebuilds this process's
/// routing index once the command has committed, so the writer's next request already sees its change; other instances
/// see it at their next poll (Routing:PollSeconds).
/// </summary>
public interface IChangesRouting;
