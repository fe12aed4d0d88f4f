using DnsClient;
using MimeKit.Cryptography;
using Org.BouncyCastle.Crypto;

namespace FixIt.Infrastructure.Mail.Inbound.Dkim;

/// <summary>DKIM public keys from DNS: the TXT record at selector._domainkey.domain (RFC 6376 §3.6.2).</summary>
internal sealed class DnsDkimPublicKeyLocator : DkimPublicKeyLocatorBase
{
    private readonly LookupClient _dns = new(new LookupClientOptions
    {
        Timeout = TimeSpan.FromSeconds(5),
        Retries = 1,
        UseCache = true,
        ThrowDnsErrors = false,
    });

    public override AsymmetricKeyParameter LocatePublicKey(string methods, string domain, string selector, CancellationToken cancellationToken = default) =>
        LocatePublicKeyAsync(methods, domain, selector, cancellationToken).GetAwaiter().GetResult();

    public override async Task<AsymmetricKeyParameter> LocatePublicKeyAsync(string methods, string domain, string selector,
        CancellationToken cancellationToken = default)
    {
        if (!methods.Split(':').Any(m => m.Trim().Equals("dns/txt", StringComparison.OrdinalIgnoreCase)))
        {
            throw new DkimKeyLookupException($"No supported key query method in \"{methods}\".", temporary: false);
        }

        IDnsQueryResponse response;
        try
        {
            response = await _dns.QueryAsync($"{selector}._domainkey.{domain}", QueryType.TXT, cancellationToken: cancellationToken);
        }
        catch (DnsResponseException ex)
        {
            throw new DkimKeyLookupException(ex.Message, temporary: true);
        }

        if (response.HasError && response.Header.ResponseCode != DnsHeaderResponseCode.NotExistentDomain)
        {
            throw new DkimKeyLookupException(response.ErrorMessage, temporary: true);
        }

        var record = response.Answers.TxtRecords().Select(r => string.Concat(r.Text)).FirstOrDefault(t => t.Contains("p=", StringComparison.Ordinal))
            ?? throw new DkimKeyLookupException($"No DKIM key at {selector}._domainkey.{domain}.", temporary: false);
        return GetPublicKey(record);
    }
}
