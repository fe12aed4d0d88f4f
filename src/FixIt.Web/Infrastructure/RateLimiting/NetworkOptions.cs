namespace FixIt.Web.Infrastructure.RateLimiting;

/// <summary>
/// Bound from "Network": the reverse proxies whose X-Forwarded-For / X-Forwarded-Proto headers are believed. Empty (the
/// default) believes none, so a client cannot pick its own address by sending the header.
/// </summary>
public sealed class NetworkOptions
{
    public const string SectionName = "Network";

    /// <summary>Proxy addresses, e.g. "10.0.0.5".</summary>
    public List<string> KnownProxies { get; set; } = [];

    /// <summary>Proxy networks in CIDR notation, e.g. "10.0.0.0/8".</summary>
    public List<string> KnownNetworks { get; set; } = [];

    /// <summary>How many proxies in a row to step back through in X-Forwarded-For.</summary>
    public int ForwardLimit { get; set; } = 1;

    internal bool TrustsAnyProxy => KnownProxies.Count > 0 || KnownNetworks.Count > 0;
}
