namespace FixIt.Infrastructure.Mail.Outbox;

/// <summary>Exponential back-off with jitter, so many instances retrying after an outage do not arrive together.</summary>
internal static class RetryPolicy
{
    /// <param name="attempt">The attempt that just failed, from 1.</param>
    public static TimeSpan DelayAfter(int attempt, TimeSpan baseDelay, TimeSpan maxDelay, double random)
    {
        var exponent = Math.Min(attempt - 1, 30);
        var ceiling = Math.Min(maxDelay.TotalMilliseconds, baseDelay.TotalMilliseconds * Math.Pow(2, exponent));

        // "Equal jitter": at least half the ceiling, so retries never bunch up at zero.
        return TimeSpan.FromMilliseconds(ceiling / 2 + (ceiling / 2 * random));
    }
}
