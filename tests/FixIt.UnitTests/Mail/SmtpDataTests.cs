using System.Buffers;
using System.Text;
using FixIt.Infrastructure.Mail.Inbound.Smtp;

namespace FixIt.UnitTests.Mail;

public sealed class SmtpDataTests
{
    [Theory]
    [InlineData("Subject: a\r\n\r\nbody", "Subject: a\r\n\r\nbody\r\n")]
    [InlineData("..leading dot line\r\nnext", ".leading dot line\r\nnext\r\n")]
    [InlineData("", "\r\n")]
    public void The_last_line_ending_and_a_first_line_dot_are_put_back_as_sent(string handedOver, string stored)
    {
        var bytes = InboundSmtpMessageStore.MessageBytes(new ReadOnlySequence<byte>(Encoding.ASCII.GetBytes(handedOver)));
        Assert.Equal(stored, Encoding.ASCII.GetString(bytes));
    }
}
