using FixIt.Application.Common;
using FixIt.Domain.Messaging;
using FixIt.Infrastructure.Mail;
using FixIt.Infrastructure.Mail.Sending;

namespace FixIt.UnitTests.Mail;

/// <summary>Every address validation accepts, the mail builder accepts too, and it addresses the message to the one normal form.</summary>
public sealed class AddressNormalFormTests
{
    [Theory]
    [InlineData("solo4@xn--bcher-kva.example", "solo4@xn--bcher-kva.example")]
    [InlineData("a@XN--BCHER-KVA.example", "a@xn--bcher-kva.example")]
    [InlineData("IDN+1@BÜCHER.EXAMPLE", "IDN+1@xn--bcher-kva.example")]
    [InlineData("victim@ｅｘａｍｐｌｅ.net", "victim@example.net")]
    [InlineData("victim@example。net", "victim@example.net")]
    [InlineData("Ada@Example.NET", "Ada@example.net")]
    [InlineData("jörg@müller.de", "jörg@xn--mller-kva.de")]
    [InlineData("info@例え.テスト", "info@xn--r8jz45g.xn--zckzah")]
    public void An_accepted_address_has_one_normal_form_and_the_builder_sends_to_it(string typed, string normal)
    {
        Assert.Equal(normal, EmailAddresses.Normalize(typed));
        Assert.Equal(normal, EmailAddresses.Normalize(normal));
        var row = new OutboxMessage(MailKind.ReporterUpdate, null, null, typed, "Ada", "Hi", "text", "<p>html</p>", null, null,
            "id.1@fixit.example.org", DateTimeOffset.UnixEpoch);

        var mail = MimeMessageFactory.Create(row, new MailOptions { FromAddress = "fixit@fixit.example.org" }, "bounce+abc@fixit.example.org", DateTimeOffset.UnixEpoch);

        Assert.Equal(normal, EmailAddresses.Normalize(mail.Recipients.Single().Address));
    }

    [Theory]
    [InlineData("victim@xn--example.net")]
    [InlineData("victim@xn--abc.net")]
    [InlineData("victim@xn--ls8h.la")]
    [InlineData("victim@exam\u00adple.net")]
    [InlineData("victim@examp\u200ble.net")]
    [InlineData("victim@example.net\u200b")]
    [InlineData("vic\u200dtim@example.net")]
    [InlineData("victim@\u202Eten.elpmaxe")]
    public void An_address_sent_elsewhere_than_it_reads_is_refused_by_validation_and_the_builder(string address)
    {
        Assert.False(EmailAddresses.IsDeliverable(address));
        var row = new OutboxMessage(MailKind.ReporterUpdate, null, null, address, "Ada", "Hi", "text", "<p>html</p>", null, null,
            "id.1@fixit.example.org", DateTimeOffset.UnixEpoch);

        Assert.Throws<FormatException>(() => MimeMessageFactory.Create(row, new MailOptions { FromAddress = "fixit@fixit.example.org" },
            "bounce+abc@fixit.example.org", DateTimeOffset.UnixEpoch));
    }
}
