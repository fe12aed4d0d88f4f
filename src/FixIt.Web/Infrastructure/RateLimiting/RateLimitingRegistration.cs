using System.Globalization;
using System.Net;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace FixIt.Web.Infrastructure.RateLimiting;

/// <summary>Per-client rate limits (ASP.NET Core's rate limiter) and which proxies may say who the client is.</summary>
internal static partial class RateLimitingRegistration
{
    /// <summary>The problem type of a 429: RFC 6585, section 4.</summary>
    public const string TooManyRequestsType = "https://tools.ietf.org/html/rfc6585#section-4";

    public static IServiceCollection AddFixItRateLimiting(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<RateLimitsOptions>().Bind(configuration.GetSection(RateLimitsOptions.SectionName))
            .Validate(o => o.All().All(p => p.Window.PermitLimit >= 1 && p.Window.WindowSeconds >= 1),
                "Every RateLimits:<policy>:PermitLimit and :WindowSeconds must be 1 or more.")
            .ValidateOnStart();
        services.AddOptions<NetworkOptions>().Bind(configuration.GetSection(NetworkOptions.SectionName))
            .Validate(o => o.KnownProxies.All(p => IPAddress.TryParse(p, out _)), "Network:KnownProxies must be IP addresses.")
            .Validate(o => o.KnownNetworks.All(n => System.Net.IPNetwork.TryParse(n, out _)), "Network:KnownNetworks must be networks in CIDR notation (10.0.0.0/8).")
            .Validate(o => o.ForwardLimit >= 1, "Network:ForwardLimit must be 1 or more.")
            .ValidateOnStart();
        services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<NetworkOptions>>((forwarded, network) =>
        {
            // The framework's defaults trust loopback; here only what is configured is trusted.
            forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            forwarded.ForwardLimit = network.Value.ForwardLimit;
            forwarded.KnownProxies.Clear();
            forwarded.KnownIPNetworks.Clear();
            network.Value.KnownProxies.ForEach(p => forwarded.KnownProxies.Add(IPAddress.Parse(p)));
            network.Value.KnownNetworks.ForEach(n => forwarded.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(n)));
        });

        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = RejectAsync;
            AddPolicy(options, RateLimitPolicies.Submit, o => o.Submit);
            AddPolicy(options, RateLimitPolicies.Subscribe, o => o.Subscribe);
            AddPolicy(options, RateLimitPolicies.ConfirmationResend, o => o.ConfirmationResend);
            AddPolicy(options, RateLimitPolicies.SignIn, o => o.SignIn);
            AddPolicy(options, RateLimitPolicies.MyReports, o => o.MyReports);
            AddPolicy(options, RateLimitPolicies.Flag, o => o.Flag);
            AddPolicy(options, RateLimitPolicies.Update, o => o.Update);
            AddPolicy(options, RateLimitPolicies.PhotoLocation, o => o.PhotoLocation);
        });
        services.AddSingleton<FlagOverallLimiter>();
        return services;
    }

    /// <summary>Believes X-Forwarded-* only from configured proxies: with none configured the middleware is left out,
    /// because with empty lists it would believe any sender.</summary>
    public static IApplicationBuilder UseFixItForwardedHeaders(this IApplicationBuilder app)
    {
        var network = app.ApplicationServices.GetRequiredService<IOptions<NetworkOptions>>().Value;
        return network.TrustsAnyProxy ? app.UseForwardedHeaders() : app;
    }

    private static void AddPolicy(RateLimiterOptions options, string name, Func<RateLimitsOptions, RateLimitWindow> window) =>
        options.AddPolicy(name, context =>
        {
            var limit = window(context.RequestServices.GetRequiredService<IOptions<RateLimitsOptions>>().Value);
            return RateLimitPartition.GetFixedWindowLimiter(ClientPartition.For(context), _ => Window(limit));
        });

    internal static FixedWindowRateLimiterOptions Window(RateLimitWindow limit) => new()
    {
        PermitLimit = limit.PermitLimit,
        Window = TimeSpan.FromSeconds(limit.WindowSeconds),
        QueueLimit = 0,
        AutoReplenishment = true,
    };

    private static async ValueTask RejectAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var context = rejected.HttpContext;
        var policy = context.GetEndpoint()?.Metadata.GetMetadata<EnableRateLimitingAttribute>()?.PolicyName ?? "";
        var seconds = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter)
            ? Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds))
            : 60;
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        var logger = context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("FixIt.Web.RateLimiting");
        LogRejected(logger, policy, ClientPartition.For(context), context.Request.Path);

        // In the request's language: the localisation middleware runs before the limiter.
        var services = context.RequestServices;
        var minutes = (seconds + 59) / 60;
        IResult result = context.GetRouteValue("format") is string format && context.Request.Path.StartsWithSegments(Features.Open311.Open311Endpoints.Prefix)
            ? new Features.Open311.Open311Result(Features.Open311.Open311Documents.Errors(StatusCodes.Status429TooManyRequests,
                [services.GetRequiredService<IStringLocalizer<Features.Open311.Open311Text>>()["TooManyRequests", seconds].Value]),
                format, StatusCodes.Status429TooManyRequests)
            : StatusCodeAnswers.FromBrowser(context.Request)
                ? Features.EmailLinks.LinkPages.Page("Please wait a little", minutes == 1
                        ? "Too many tries from your address in a short time. Please try again in 1 minute."
                        : "Too many tries from your address in a short time. Please try again in {0} minutes.",
                    StatusCodes.Status429TooManyRequests, arguments: [minutes])
                : TooManyRequests(services.GetRequiredService<IStringLocalizer<ApiText>>(), seconds);
        await result.ExecuteAsync(context);
    }

    private static ProblemHttpResult TooManyRequests(IStringLocalizer<ApiText> text, int seconds) => TypedResults.Problem(
        text["Too many requests from your address. Try again in {0} seconds.", seconds], statusCode: StatusCodes.Status429TooManyRequests,
        title: text["Too many requests."], type: TooManyRequestsType);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Rate limit {Policy} refused {Client} on {Path}")]
    private static partial void LogRejected(ILogger logger, string policy, string client, PathString path);
}
