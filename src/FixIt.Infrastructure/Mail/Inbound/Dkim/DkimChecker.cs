using FixIt.Application.Features.Inbound.RecordInboundMail;
using FixIt.Domain.Inbound;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;
using MimeKit.Cryptography;

namespace FixIt.Infrastructure.Mail.Inbound.Dkim;

/// <summary>
/// Checks the DKIM signatures of a received message that belong to its From domain (d= the From domain or a parent
/// of it); signatures of other domains say nothing about who wrote it and are not looked up. The public keys come
/// from an <see cref="IDkimPublicKeyLocator"/>: DNS in production, fixed keys in tests.
/// </summary>
public sealed partial class DkimChecker(IDkimPublicKeyLocator locator, IOptions<InboundMailOptions> options, ILogger<DkimChecker> logger)
{
    // More signatures than this for one domain is not a real mailer; each costs a lookup.
    private const int MaxSignatures = 4;

    public async Task<DkimVerdict> CheckAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        var fromDomain = message.From.Mailboxes.FirstOrDefault()?.Domain;
        if (!options.Value.VerifyDkim || string.IsNullOrEmpty(fromDomain))
        {
            return DkimVerdict.NoSignature;
        }

        var verifier = new DkimVerifier(locator);
        DkimVerdict? outcome = null;
        foreach (var header in message.Headers.Where(h => h.Id == HeaderId.DkimSignature).Take(MaxSignatures))
        {
            var tags = Tags(header.Value);
            if (!tags.TryGetValue("d", out var domain) || !Aligned(domain, fromDomain)
                || tags.TryGetValue("a", out var algorithm) && algorithm.Equals("rsa-sha1", StringComparison.OrdinalIgnoreCase))
            {
                // rsa-sha1 is no longer a valid signature (RFC 8301): treated as no signature, not as a failing one.
                continue;
            }

            try
            {
                if (await verifier.VerifyAsync(message, header, cancellationToken))
                {
                    return new DkimVerdict(DkimResult.Pass, domain);
                }

                outcome = Failed(outcome, domain);
            }
            catch (DkimKeyLookupException ex) when (ex.Temporary)
            {
                LogLookupFailed(domain, ex.Message);
                outcome ??= new DkimVerdict(DkimResult.TempError, domain);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // A malformed signature, a key that does not exist or cannot be read: the signature fails.
                outcome = Failed(outcome, domain);
            }
        }

        return outcome ?? DkimVerdict.NoSignature;
    }

    // One passing signature is enough; otherwise a failing one outweighs one that could not be checked now.
    private static DkimVerdict Failed(DkimVerdict? before, string domain) =>
        before is { Result: DkimResult.Fail } ? before : new DkimVerdict(DkimResult.Fail, domain);

    private static bool Aligned(string signer, string fromDomain) =>
        fromDomain.Equals(signer, StringComparison.OrdinalIgnoreCase)
        || fromDomain.EndsWith("." + signer, StringComparison.OrdinalIgnoreCase) && signer.Contains('.', StringComparison.Ordinal);

    private static Dictionary<string, string> Tags(string value)
    {
        var tags = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var part in value.Split(';'))
        {
            var eq = part.IndexOf('=', StringComparison.Ordinal);
            if (eq > 0)
            {
                tags.TryAdd(part[..eq].Trim(), string.Concat(part[(eq + 1)..].Where(c => !char.IsWhiteSpace(c))));
            }
        }

        return tags;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "DKIM key of {Domain} could not be looked up: {Error}")]
    private partial void LogLookupFailed(string domain, string error);
}
