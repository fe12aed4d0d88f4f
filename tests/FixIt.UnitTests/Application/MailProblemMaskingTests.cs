using FixIt.Application.Features.Mail.ListMailProblems;

namespace FixIt.UnitTests.Application;

/// <summary>The admin's list of email problems shows delivery, not who reported what: the query masks every address.</summary>
public sealed class MailProblemMaskingTests
{
    [Theory]
    [InlineData("550 5.1.1 <ada.lovelace@example.net>: Recipient address rejected", "550 5.1.1 <***@example.net>: Recipient address rejected")]
    [InlineData("552 mailboxes bob@example.org, carol+fixit@example.org full", "552 mailboxes ***@example.org, ***@example.org full")]
    [InlineData("421 Service not available, closing transmission channel", "421 Service not available, closing transmission channel")]
    public void Addresses_quoted_in_a_server_error_lose_their_local_part(string error, string shown) =>
        Assert.Equal(shown, ListMailProblemsHandler.MaskAddresses(error));

    [Fact]
    public void No_error_stays_no_error() => Assert.Null(ListMailProblemsHandler.MaskAddresses(null));

    [Fact]
    public void The_recipient_keeps_its_first_letter_and_domain() => Assert.Equal("r***@council.example.org", ListMailProblemsHandler.Mask("reports@council.example.org"));
}
