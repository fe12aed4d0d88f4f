using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace FixIt.Web.Features.Open311;

/// <summary>Whether an Open311 api_key may write. Kept small so it can later read the admin API-key table instead.</summary>
internal interface IOpen311KeyValidator
{
    bool IsValid(string apiKey);
}

/// <summary>Checks keys against "Open311:ApiKeys", comparing SHA-256 hashes in constant time.</summary>
internal sealed class ConfiguredOpen311KeyValidator : IOpen311KeyValidator
{
    private readonly byte[][] _hashes;

    public ConfiguredOpen311KeyValidator(IOptions<Open311Options> options) =>
        _hashes = [.. options.Value.ApiKeys.Select(k => k.StartsWith(Open311Options.HashPrefix, StringComparison.Ordinal)
            ? Convert.FromHexString(k[Open311Options.HashPrefix.Length..])
            : Hash(k))];

    public bool IsValid(string apiKey)
    {
        if (string.IsNullOrEmpty(apiKey))
        {
            return false;
        }

        var hash = Hash(apiKey);
        var found = false;

        // Compare with every key, so the time taken does not tell which one nearly matched.
        foreach (var known in _hashes)
        {
            found |= CryptographicOperations.FixedTimeEquals(hash, known);
        }

        return found;
    }

    public static byte[] Hash(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));
}
