namespace FixIt.Infrastructure.Mail.Inbound;

/// <summary>Reads the report key out of a reply (reply+KEY@domain) or VERP bounce (bounce+KEY@domain) address.</summary>
public static class ReplyAddress
{
    public static bool TryParse(string? address, InboundMailOptions options, out string key, out bool isBounceAddress)
    {
        key = "";
        isBounceAddress = false;
        var at = address?.LastIndexOf('@') ?? -1;
        if (address is null || at <= 0 || !address[(at + 1)..].Equals(options.ReplyDomain, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var local = address[..at];
        var plus = local.IndexOf('+', StringComparison.Ordinal);
        if (plus <= 0)
        {
            return false;
        }

        var prefix = local[..plus];
        isBounceAddress = prefix.Equals(options.BouncePrefix, StringComparison.OrdinalIgnoreCase);
        if (!isBounceAddress && !prefix.Equals(options.ReplyPrefix, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        // Keys are lower-case base32; mail systems may change the case of a local part on the way.
        var candidate = local[(plus + 1)..].ToLowerInvariant();
        if (candidate.Length is < 8 or > 40 || !candidate.All(c => c is >= 'a' and <= 'z' or >= '2' and <= '7'))
        {
            return false;
        }

        key = candidate;
        return true;
    }
}
