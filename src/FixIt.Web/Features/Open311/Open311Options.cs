namespace FixIt.Web.Features.Open311;

/// <summary>Bound from "Open311": who may write, and what discovery tells clients.</summary>
internal sealed class Open311Options
{
    public const string SectionName = "Open311";

    public const string HashPrefix = "sha256:";

    /// <summary>
    /// Keys of the clients allowed to POST requests: each either "sha256:" + the hex SHA-256 of the key
    /// (so the configuration holds no usable secret), or the key itself (handy in development).
    /// Empty: no client may POST.
    /// </summary>
    public List<string> ApiKeys { get; set; } = [];

    /// <summary>Discovery's "contact": who runs this endpoint.</summary>
    public string Contact { get; set; } = "The administrators of this FixIt site.";

    /// <summary>Discovery's "key_service": how a client gets an api_key.</summary>
    public string KeyService { get; set; } = "Ask the administrators of this FixIt site for an Open311 api_key.";

    /// <summary>Discovery's endpoint "type": production or test.</summary>
    public string EndpointType { get; set; } = "production";

    public bool HasValidKeys() => ApiKeys.All(k => k.StartsWith(HashPrefix, StringComparison.Ordinal)
        ? k.Length == HashPrefix.Length + 64 && k[HashPrefix.Length..].All(char.IsAsciiHexDigit)
        : !string.IsNullOrWhiteSpace(k));
}
