using System.Security.Cryptography;
using System.Text;

namespace FixIt.Application.Features.Privacy;

/// <summary>The keyed hash an erasure is recorded under: HMAC-SHA256 of the person's address (<see cref="PersonAddress"/>).</summary>
public static class ErasureHash
{
    // Used only when no key is configured; public, so such a hash is as weak as an unkeyed one (ADR 0141).
    private static readonly byte[] FallbackKey = Encoding.UTF8.GetBytes("FixIt erasure record: set Privacy:ErasureHashKey");

    public static string Of(string address, string configuredKey) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(KeyBytes(configuredKey) ?? FallbackKey, Encoding.UTF8.GetBytes(address)));

    /// <summary>The key's bytes, or null when it is empty, not base64 or shorter than 32 bytes.</summary>
    public static byte[]? KeyBytes(string key)
    {
        if (string.IsNullOrWhiteSpace(key))
        {
            return null;
        }

        try
        {
            var bytes = Convert.FromBase64String(key.Trim());
            return bytes.Length >= 32 ? bytes : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
