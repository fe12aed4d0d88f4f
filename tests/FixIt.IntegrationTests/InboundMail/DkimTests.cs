using FixIt.Domain.Inbound;
using FixIt.Infrastructure.Persistence;
using FixIt.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using MimeKit.Cryptography;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Generators;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Math;
using Org.BouncyCastle.Security;

namespace FixIt.IntegrationTests.InboundMail;

/// <summary>DKIM: the operator's signed reply verifies against the key the test supplies; a tampered one fails and is held.</summary>
public sealed class DkimTests
{
    private const string Selector = "fixit-test";
    private const string Domain = "council.example.org";

    [Theory]
    [MemberData(nameof(InboundMailFixture.Providers), MemberType = typeof(InboundMailFixture))]
    public async Task A_signed_reply_verifies_and_a_tampered_one_is_recorded_as_failing_and_held(DatabaseProvider provider)
    {
        var keys = Generate();
        await using var mail = await InboundMailApp.StartAsync(provider, configureServices: s =>
            s.AddSingleton<IDkimPublicKeyLocator>(new FixedKeyLocator(Domain, Selector, keys.Public)));

        var good = await mail.SentReportAsync("Signed reply");
        var signed = OperatorReply.To(good.ReplyAddress, InboundMailApp.OperatorContact, "Status: acknowledged\nSigned and sealed.", good.Id);
        Sign(signed, keys.Private);
        Assert.Equal(250, (await RawSmtp.SendAsync(mail.Smtp, InboundMailApp.OperatorContact, good.ReplyAddress, FollowThenForgeTests.Bytes(signed)))[^1]);

        var passed = await mail.App.WithDbAsync(db => db.InboundMessages.SingleAsync(m => m.ReportId == good.Id));
        Assert.Equal((InboundMessageStatus.Published, DkimResult.Pass, Domain), (passed.Status, passed.Dkim, passed.DkimDomain));
        Assert.Equal("acknowledged", (await mail.App.Client.GetJsonAsync($"api/reports/{good.Id}")).GetProperty("status").GetString());

        // Signed, then changed on the way: the From is the operator's, but the signature no longer holds.
        var bad = await mail.SentReportAsync("Tampered reply");
        var tampered = OperatorReply.To(bad.ReplyAddress, InboundMailApp.OperatorContact, "A crew is booked for Tuesday.", bad.Id);
        Sign(tampered, keys.Private);
        ((TextPart)tampered.Body!).Text = "Status: fixed\nNothing to see here.";
        Assert.Equal(250, (await RawSmtp.SendAsync(mail.Smtp, InboundMailApp.OperatorContact, bad.ReplyAddress, FollowThenForgeTests.Bytes(tampered)))[^1]);

        var failed = await mail.App.WithDbAsync(db => db.InboundMessages.SingleAsync(m => m.ReportId == bad.Id));
        Assert.Equal((InboundMessageStatus.Held, DkimResult.Fail, Domain), (failed.Status, failed.Dkim, failed.DkimDomain));
        var view = await mail.App.Client.GetJsonAsync($"api/reports/{bad.Id}");
        Assert.Equal("open", view.GetProperty("status").GetString());
        Assert.DoesNotContain("Nothing to see here.", view.GetRawText(), StringComparison.Ordinal);

        // Unsigned mail is recorded as such and judged by its sender alone.
        var plain = await mail.SentReportAsync("Unsigned reply");
        Assert.Equal(250, (await RawSmtp.SendAsync(mail.Smtp, InboundMailApp.OperatorContact, plain.ReplyAddress,
            FollowThenForgeTests.Bytes(OperatorReply.To(plain.ReplyAddress, InboundMailApp.OperatorContact, "Unsigned but ours.", plain.Id))))[^1]);
        var unsigned = await mail.App.WithDbAsync(db => db.InboundMessages.SingleAsync(m => m.ReportId == plain.Id));
        Assert.Equal((InboundMessageStatus.Published, DkimResult.None), (unsigned.Status, unsigned.Dkim));
    }

    private static AsymmetricCipherKeyPair Generate()
    {
        var generator = new RsaKeyPairGenerator();
        generator.Init(new RsaKeyGenerationParameters(BigInteger.ValueOf(65537), new SecureRandom(), 2048, 25));
        return generator.GenerateKeyPair();
    }

    private static void Sign(MimeMessage message, AsymmetricKeyParameter key)
    {
        var signer = new DkimSigner(key, Domain, Selector)
        {
            HeaderCanonicalizationAlgorithm = DkimCanonicalizationAlgorithm.Relaxed,
            BodyCanonicalizationAlgorithm = DkimCanonicalizationAlgorithm.Relaxed,
        };
        message.Prepare(EncodingConstraint.SevenBit);
        signer.Sign(message, [HeaderId.From, HeaderId.To, HeaderId.Subject, HeaderId.InReplyTo]);
    }

    /// <summary>The test's stand-in for DNS: one selector of one domain.</summary>
    private sealed class FixedKeyLocator(string domain, string selector, AsymmetricKeyParameter key) : IDkimPublicKeyLocator
    {
        public AsymmetricKeyParameter LocatePublicKey(string methods, string domain1, string selector1, CancellationToken cancellationToken = default) =>
            domain1.Equals(domain, StringComparison.OrdinalIgnoreCase) && selector1 == selector
                ? key : throw new InvalidOperationException($"No key for {selector1}._domainkey.{domain1}.");

        public Task<AsymmetricKeyParameter> LocatePublicKeyAsync(string methods, string domain1, string selector1, CancellationToken cancellationToken = default) =>
            Task.FromResult(LocatePublicKey(methods, domain1, selector1, cancellationToken));
    }
}
