using FixIt.Domain.Messaging;
using FixIt.Infrastructure.Mail;
using FixIt.Infrastructure.Mail.Sending;

namespace FixIt.UnitTests.Mail;

public sealed class HeaderTextTests
{
    [Theory]
    [InlineData("Lamp\r\nBcc: thief@evil.example", "Lamp Bcc: thief@evil.example")]
    [InlineData("Lamp\nout", "Lamp out")]
    [InlineData("Lamp\u2028out\u0000", "Lamp out")]
    [InlineData("  plain  ", "plain")]
    [InlineData(null, "")]
    public void Header_text_is_one_line(string? input, string expected) =>
        Assert.Equal(expected, HeaderText.SingleLine(input));

    [Fact]
    public void Long_header_text_is_shortened() =>
        Assert.Equal(200, HeaderText.SingleLine(new string('x', 500)).Length);

    [Fact]
    public void Long_header_text_is_shortened_between_characters_to_fit_its_column()
    {
        var family = "\U0001F468\u200D\U0001F469\u200D\U0001F467\u200D\U0001F466";
        var subject = HeaderText.SingleLine("Report: " + string.Concat(Enumerable.Repeat(family, 60)), 450);

        Assert.True(subject.Length <= 450, $"{subject.Length} code units");
        Assert.EndsWith(family + "…", subject, StringComparison.Ordinal);
        Assert.DoesNotContain('\uFFFD', subject);
        Assert.Equal("Report: ".Length + (40 * family.Length) + 1, subject.Length);
    }

    [Fact]
    public void Built_message_has_single_line_subject_and_names_and_refuses_a_bad_recipient()
    {
        var options = new MailOptions { FromAddress = "fixit@fixit.example.org", FromName = "Fix\r\nIt" };
        var row = new OutboxMessage(MailKind.ReporterUpdate, null, null, "ada@example.net", "Ada\r\nCc: x@evil.example",
            "Hi\r\nBcc: x@evil.example", "text", "<p>html</p>", "reply+abc@reply.example.org", null, "id.1@fixit.example.org", DateTimeOffset.UnixEpoch);

        var (message, envelopeFrom) = MimeMessageFactory.Create(row, options, "bounce+abc@reply.example.org", DateTimeOffset.UnixEpoch);
        var bad = new OutboxMessage(MailKind.ReporterUpdate, null, null, "ada@example.net\r\nBcc: x@evil.example", "Ada",
            "Hi", "text", "<p>html</p>", null, null, "id.2@fixit.example.org", DateTimeOffset.UnixEpoch);

        Assert.Equal("Hi Bcc: x@evil.example", message.Subject);
        Assert.Empty(message.Cc);
        Assert.Empty(message.Bcc);
        Assert.Equal("Ada Cc: x@evil.example", message.To.Mailboxes.Single().Name);
        Assert.Equal("id.1@fixit.example.org", message.MessageId);
        Assert.Equal("bounce+abc@reply.example.org", envelopeFrom.Address);
        Assert.Equal("fixit@fixit.example.org", message.From.Mailboxes.Single().Address);
        Assert.Throws<FormatException>(() => MimeMessageFactory.Create(bad, options, "bounce+abc@reply.example.org", DateTimeOffset.UnixEpoch));
    }
}
