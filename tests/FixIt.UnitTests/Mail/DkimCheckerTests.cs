using FixIt.Domain.Inbound;
using FixIt.Infrastructure.Mail.Inbound;
using FixIt.Infrastructure.Mail.Inbound.Dkim;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using MimeKit;
using MimeKit.Cryptography;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Generators;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Math;
using Org.BouncyCastle.Security;

namespace FixIt.UnitTests.Mail;

/// <summary>Which DKIM signatures count (the From domain's), and what a passing, failing or unreachable key gives.</summary>
public sealed class DkimCheckerTests
{
    private static readonly AsymmetricCipherKeyPair Keys = Generate();

    [Fact]
    public async Task A_signature_of_the_From_domain_passes_and_fails_once_the_body_is_changed()
    {
        var message = Message("ops@council.example.org");
        Sign(message, "council.example.org");
        Assert.Equal(new(DkimResult.Pass, "council.example.org"), await Check(message));

        ((TextPart)message.Body!).Text = "Status: fixed";
        Assert.Equal(new(DkimResult.Fail, "council.example.org"), await Check(message));
    }

    [Fact]
    public async Task A_parent_domain_signature_is_aligned_and_another_domains_is_not_looked_up()
    {
        var sub = Message("ops@roads.council.example.org");
        Sign(sub, "council.example.org");
        Assert.Equal(DkimResult.Pass, (await Check(sub)).Result);

        var other = Message("ops@council.example.org");
        Sign(other, "relay.example.net");
        Assert.Equal(DkimResult.None, (await Check(other, new ThrowingLocator(temporary: false))).Result);
    }

    [Fact]
    public async Task An_unreachable_key_is_a_temporary_error_and_a_missing_one_a_failure()
    {
        var message = Message("ops@council.example.org");
        Sign(message, "council.example.org");
        Assert.Equal(DkimResult.TempError, (await Check(message, new ThrowingLocator(temporary: true))).Result);
        Assert.Equal(DkimResult.Fail, (await Check(message, new ThrowingLocator(temporary: false))).Result);
        Assert.Equal(DkimResult.None, (await Check(Message("ops@council.example.org"))).Result);
    }

    private static Task<FixIt.Application.Features.Inbound.RecordInboundMail.DkimVerdict> Check(MimeMessage message, IDkimPublicKeyLocator? locator = null) =>
        new DkimChecker(locator ?? new FixedLocator(), Options.Create(new InboundMailOptions()), NullLogger<DkimChecker>.Instance)
            .CheckAsync(message, CancellationToken.None);

    private static MimeMessage Message(string from)
    {
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(from));
        message.To.Add(MailboxAddress.Parse("reply+abcdefghijkl@reply.localhost"));
        message.Subject = "Re: Report #1";
        message.Body = new TextPart("plain") { Text = "A crew is booked for Tuesday." };
        return message;
    }

    private static void Sign(MimeMessage message, string domain)
    {
        var signer = new DkimSigner(Keys.Private, domain, "s1")
        {
            HeaderCanonicalizationAlgorithm = DkimCanonicalizationAlgorithm.Relaxed,
            BodyCanonicalizationAlgorithm = DkimCanonicalizationAlgorithm.Relaxed,
        };
        message.Prepare(EncodingConstraint.SevenBit);
        signer.Sign(message, [HeaderId.From, HeaderId.To, HeaderId.Subject]);
    }

    private static AsymmetricCipherKeyPair Generate()
    {
        var generator = new RsaKeyPairGenerator();
        generator.Init(new RsaKeyGenerationParameters(BigInteger.ValueOf(65537), new SecureRandom(), 2048, 25));
        return generator.GenerateKeyPair();
    }

    private sealed class FixedLocator : IDkimPublicKeyLocator
    {
        public AsymmetricKeyParameter LocatePublicKey(string methods, string domain, string selector, CancellationToken cancellationToken = default) => Keys.Public;

        public Task<AsymmetricKeyParameter> LocatePublicKeyAsync(string methods, string domain, string selector, CancellationToken cancellationToken = default) =>
            Task.FromResult(Keys.Public);
    }

    private sealed class ThrowingLocator(bool temporary) : IDkimPublicKeyLocator
    {
        public AsymmetricKeyParameter LocatePublicKey(string methods, string domain, string selector, CancellationToken cancellationToken = default) =>
            throw new DkimKeyLookupException("no answer", temporary);

        public Task<AsymmetricKeyParameter> LocatePublicKeyAsync(string methods, string domain, string selector, CancellationToken cancellationToken = default) =>
            throw new DkimKeyLookupException("no answer", temporary);
    }
}
