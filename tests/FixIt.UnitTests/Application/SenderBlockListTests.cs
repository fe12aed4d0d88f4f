using FixIt.Application.Common;
using FixIt.Domain.Moderation;

namespace FixIt.UnitTests.Application;

public sealed class SenderBlockListTests
{
    [Theory]
    [InlineData("someone@example.org", "someone@example.org", BlockedSenderKind.Address)]
    [InlineData(" Someone+Tag@Example.ORG ", "someone@example.org", BlockedSenderKind.Address)]
    [InlineData("Ada@BÜCHER.Example", "ada@xn--bcher-kva.example", BlockedSenderKind.Address)]
    [InlineData("example.org", "example.org", BlockedSenderKind.Domain)]
    [InlineData(" Mail.Example.ORG ", "mail.example.org", BlockedSenderKind.Domain)]
    [InlineData("Bücher.example", "xn--bcher-kva.example", BlockedSenderKind.Domain)]
    [InlineData("ｅｘａｍｐｌｅ.org", "example.org", BlockedSenderKind.Domain)]
    public void Values_are_normalised_to_one_spelling(string value, string expected, BlockedSenderKind kind) =>
        Assert.Equal((expected, kind), SenderBlockList.Parse(value));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("org")]
    [InlineData("localhost")]
    [InlineData("example.123")]
    [InlineData("not a domain")]
    [InlineData("@example.org")]
    [InlineData("a@[127.0.0.1]")]
    [InlineData("exa\u200Bmple.org")]
    [InlineData("-example.org")]
    public void Anything_else_is_refused(string? value) => Assert.Null(SenderBlockList.Parse(value));

    [Theory]
    [InlineData("example.org", "eve@example.org", true)]
    [InlineData("example.org", "Eve@Mail.Example.ORG", true)]
    [InlineData("example.org", "eve@notexample.org", false)]
    [InlineData("example.org", "eve@example.org.evil", false)]
    [InlineData("mail.example.org", "eve@example.org", false)]
    [InlineData("eve@example.org", "EVE+reports@example.org", true)]
    [InlineData("eve@example.org", "eve@mail.example.org", false)]
    [InlineData("eve@example.org", "adam@example.org", false)]
    [InlineData("xn--bcher-kva.example", "ada@bücher.example", true)]
    public void A_block_covers_its_mailbox_or_domain_and_subdomains(string value, string email, bool covered) =>
        Assert.Equal(covered, SenderBlockList.Covers(value, EmailAddresses.Normalize(email) ?? email));

    [Fact]
    public void Keys_are_the_mailbox_and_each_parent_domain()
    {
        Assert.Equal(["eve@a.b.example.org", "a.b.example.org", "b.example.org", "example.org"], SenderBlockList.KeysOf("Eve+x@A.B.Example.org"));
        Assert.Empty(SenderBlockList.KeysOf("no address"));
        Assert.Empty(SenderBlockList.KeysOf(null));
    }
}
