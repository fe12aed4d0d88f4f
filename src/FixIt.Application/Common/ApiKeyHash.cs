using System.Security.Cryptography;
using System.Text;

namespace FixIt.Application.Common;

/// <summary>API keys: 160 random bits, shown once; only their SHA-256 is stored and compared.</summary>
public static class ApiKeyHash
{
    public const string Prefix = "fixit_";

    public static string NewKey() => Prefix + RandomKeys.Base32(20);

    public static string Of(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
}
