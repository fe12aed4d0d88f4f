using System.Text;
using FixIt.Infrastructure.Mail.Inbound.Smtp;

namespace FixIt.UnitTests.Mail;

public sealed class SmtpSpoolTests
{
    [Theory]
    [InlineData("Subject: a\r\n\r\nbody\r\n.\r\n", "Subject: a\r\n\r\nbody\r\n", "")]
    [InlineData("..leading dot line\r\nnext\r\n.\r\nQUIT\r\n", ".leading dot line\r\nnext\r\n", "QUIT\r\n")]
    [InlineData("a\r\n...\r\n.x\r\n.\r\n", "a\r\n..\r\nx\r\n", "")]
    [InlineData("a\r\n.\rb\r\n.\r\n", "a\r\n\rb\r\n", "")]
    [InlineData("a.\r\n.b\n.\r\n.\r\n", "a.\r\nb\n.\r\n", "")]
    [InlineData(".\r\n", "", "")]
    public void Data_is_unstuffed_up_to_the_final_dot_whatever_the_chunk_size(string sent, string message, string after)
    {
        var bytes = Encoding.ASCII.GetBytes(sent);
        foreach (var chunkSize in new[] { 1, 2, 3, 7, bytes.Length })
        {
            var parser = new DotDataParser();
            var output = new List<byte>();
            var offset = 0;
            while (!parser.Ended && offset < bytes.Length)
            {
                var chunk = bytes.AsSpan(offset, Math.Min(chunkSize, bytes.Length - offset));
                var buffer = new byte[chunk.Length + 1];
                offset += parser.Parse(chunk, buffer, out var written);
                output.AddRange(buffer.AsSpan(0, written));
            }

            Assert.True(parser.Ended);
            Assert.Equal(message, Encoding.ASCII.GetString([.. output]));
            Assert.Equal(after, Encoding.ASCII.GetString(bytes, offset, bytes.Length - offset));
        }
    }

    [Fact]
    public async Task A_message_over_the_threshold_goes_to_disk_and_comes_back_whole()
    {
        var spool = new MessageSpool(1024 * 1024, 1000, Path.Combine(Path.GetTempPath(), "fixit-spool-tests"));
        var data = new byte[5000];
        new Random(3).NextBytes(data);
        using var message = spool.Begin();
        for (var i = 0; i < data.Length; i += 700)
        {
            message.Write(data.AsSpan(i, Math.Min(700, data.Length - i)), maxLength: 10_000);
        }

        Assert.True(message.OnDisk);
        Assert.Equal(0, spool.BufferedBytes);
        Assert.Equal(data, await message.ReadAllAsync(CancellationToken.None));
        Assert.Equal(data.Length, spool.BufferedBytes);
        message.Dispose();
        Assert.Equal(0, spool.BufferedBytes);
    }

    [Fact]
    public void Sessions_together_never_hold_more_in_memory_than_the_total()
    {
        var spool = new MessageSpool(10_000, 4000, Path.Combine(Path.GetTempPath(), "fixit-spool-tests"));
        var messages = Enumerable.Range(0, 5).Select(_ => spool.Begin()).ToList();
        foreach (var message in messages)
        {
            message.Write(new byte[3000], maxLength: 100_000);
        }

        Assert.Equal(9000, spool.BufferedBytes);
        Assert.Equal(2, messages.Count(m => m.OnDisk));
        Assert.True(spool.PeakBufferedBytes <= spool.MaxBufferedBytes);
        messages.ForEach(m => m.Dispose());
        Assert.Equal(0, spool.BufferedBytes);
    }

    [Fact]
    public void A_message_over_the_largest_size_is_dropped_and_marked()
    {
        var spool = new MessageSpool(10_000, 4000, Path.Combine(Path.GetTempPath(), "fixit-spool-tests"));
        using var message = spool.Begin();
        message.Write(new byte[3000], maxLength: 5000);
        message.Write(new byte[3000], maxLength: 5000);
        Assert.True(message.TooLarge);
        Assert.Equal(0, spool.BufferedBytes);
    }
}
