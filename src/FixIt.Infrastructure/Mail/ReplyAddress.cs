using FixIt.Infrastructure.Mail.Inbound;

namespace FixIt.Infrastructure.Mail;

/// <summary>
/// The addresses that carry a key: reply+KEY@domain (Reply-To of FixIt's emails: one report and one recipient, see
/// ReplyKey) and bounce+KEY@domain (the VERP envelope sender: one outgoing message). The two kinds of key live in
/// different tables, so neither is ever taken for the other. Written and read here, so what email out writes is what
/// email in accepts.
/// </summary>
public static class ReplyAddress
{
    public static string For(string key, InboundMailOptions options) => $"{options.ReplyPrefix}+{key}@{options.ReplyDomain}";

    public static string BounceFor(string key, InboundMailOptions options) => $"{options.BouncePrefix}+{key}@{options.ReplyDomain}";

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
