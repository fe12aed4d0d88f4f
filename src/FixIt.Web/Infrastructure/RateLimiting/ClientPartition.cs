using System.Net;
using System.Net.Sockets;

namespace FixIt.Web.Infrastructure.RateLimiting;

/// <summary>Which client a request counts against: its address, an IPv6 client by its /64 (one home or server gets a whole /64).</summary>
internal static class ClientPartition
{
    public static string For(HttpContext context) => For(context.Connection.RemoteIpAddress);

    public static string For(IPAddress? address)
    {
        if (address is null)
        {
            return "unknown";
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return address.ToString();
        }

        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }
}
