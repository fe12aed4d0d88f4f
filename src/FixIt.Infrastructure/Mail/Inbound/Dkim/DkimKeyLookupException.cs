namespace FixIt.Infrastructure.Mail.Inbound.Dkim;

/// <summary>A DKIM public key could not be had; Temporary when asking again later may succeed (DNS timeout, SERVFAIL).</summary>
public sealed class DkimKeyLookupException(string message, bool temporary) : Exception(message)
{
    public bool Temporary { get; } = temporary;
}
