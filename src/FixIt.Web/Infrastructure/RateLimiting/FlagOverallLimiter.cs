using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace FixIt.Web.Infrastructure.RateLimiting;

/// <summary>
/// The flag form's budget for every client together (<c>RateLimits:FlagOverall</c>), a built-in fixed-window limiter
/// taken in the endpoint, after the per-client policy let the request through: the middleware's global limiter is
/// taken before the policy (and again while "waiting"), so a client over its own limit would use the shared budget up
/// for everyone (ADR 0155).
/// </summary>
internal sealed class FlagOverallLimiter(IOptions<RateLimitsOptions> options) : IDisposable
{
    private readonly FixedWindowRateLimiter _limiter = new(RateLimitingRegistration.Window(options.Value.FlagOverall));

    /// <summary>Null when the request may go on; otherwise the 429 page, with Retry-After set.</summary>
    public IResult? Refuse(HttpContext context)
    {
        using var lease = _limiter.AttemptAcquire();
        if (lease.IsAcquired)
        {
            return null;
        }

        var seconds = lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)) : 60;
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        var minutes = (seconds + 59) / 60;
        return Features.EmailLinks.LinkPages.Page("Please wait a little", minutes == 1
                ? "Very many people have sent this form in a short time. Please try again in 1 minute."
                : "Very many people have sent this form in a short time. Please try again in {0} minutes.",
            StatusCodes.Status429TooManyRequests, arguments: [minutes]);
    }

    public void Dispose() => _limiter.Dispose();
}
