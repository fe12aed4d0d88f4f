using FixIt.Application.Common;

namespace FixIt.UnitTests.Application;

public sealed class EmailAddressesTests
{
    [Theory]
    [InlineData("ada@example.net")]
    [InlineData("a.b+tag@sub.example.co.uk")]
    [InlineData("o'brien@example.ie")]
    [InlineData("user_name-1@mail-host.example")]
    [InlineData("jörg@müller.de")]
    [InlineData("ada@xn--mller-kva.de")]
    [InlineData("info@例え.テスト")]
    public void Real_looking_addresses_are_accepted(string address) => Assert.True(EmailAddresses.IsDeliverable(address));

    [Theory]
    [InlineData("a@[127.0.0.1]")]
    [InlineData("a@[IPv6:::1]")]
    [InlineData("a@127.0.0.1")]
    [InlineData("a@localhost")]
    [InlineData("a@example")]
    [InlineData("\"a b\"@example.net")]
    [InlineData("\"a\u0001\"@example.net")]
    [InlineData("a\u0007b@example.net")]
    [InlineData("a..b@example.net")]
    [InlineData(".a@example.net")]
    [InlineData("a.@example.net")]
    [InlineData("a@b@example.net")]
    [InlineData("a@-example.net")]
    [InlineData("a@example-.net")]
    [InlineData("a@exa_mple.net")]
    [InlineData("a@example..net")]
    [InlineData("@example.net")]
    [InlineData("a@")]
    [InlineData("Ada <ada@example.net>")]
    [InlineData("ada@example.net\r\nBcc: x@y.z")]
    public void Addresses_no_one_can_receive_mail_at_are_refused(string address) => Assert.False(EmailAddresses.IsDeliverable(address));

    [Fact]
    public void Over_long_addresses_are_refused()
    {
        var domain = string.Join('.', Enumerable.Repeat(new string('d', 60), 5)) + ".org";
        Assert.False(EmailAddresses.IsDeliverable(new string('a', 65) + "@example.net"));
        Assert.False(EmailAddresses.IsDeliverable("a@" + new string('d', 64) + ".org"));
        Assert.False(EmailAddresses.IsDeliverable("a@" + domain));
        Assert.True(EmailAddresses.IsDeliverable(new string('a', 64) + "@example.net"));
    }

    [Theory]
    [InlineData("Victim+1@Example.NET", "victim@example.net")]
    [InlineData(" victim+a+b@example.net ", "victim@example.net")]
    [InlineData("VICTIM@EXAMPLE.NET", "victim@example.net")]
    [InlineData("+tag@example.net", "+tag@example.net")]
    [InlineData("jörg@Müller.de", "jörg@xn--mller-kva.de")]
    public void Tag_and_case_variants_are_one_mailbox(string address, string mailbox) =>
        Assert.Equal(mailbox, EmailAddresses.MailboxKey(address));
}
