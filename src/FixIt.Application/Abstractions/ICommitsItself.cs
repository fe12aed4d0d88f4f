namespace FixIt.Application.Abstractions;

/// <summary>
/// Marks a command whose handler writes through a unit of work of its own rather than the one
/// <see cref="Behaviours.TransactionBehaviour{TMessage, TResponse}"/> opens around every other command: report
/// submission, whose rows a single writer commits in batches shared with other requests (ADR 0218). Its handler must
/// not write through the request's context, and it must never be sent from inside another command's transaction.
/// </summary>
public interface ICommitsItself;
