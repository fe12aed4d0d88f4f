using System.Globalization;
using System.Text;
using FixIt.Infrastructure.Mail.Inbound;

namespace FixIt.UnitTests.Mail;

public sealed class MimeStructureGuardTests
{
    private static byte[] ManyParts(int parts)
    {
        var builder = new StringBuilder("From: mallory@evil.example\r\nSubject: mp\r\nMessage-ID: <mp@x>\r\n")
            .Append("Content-Type: multipart/mixed; boundary=\"B\"\r\n\r\n");
        for (var i = 0; i < parts; i++)
        {
            builder.Append("--B\r\nContent-Type: text/plain\r\n\r\nx\r\n");
        }

        return Encoding.ASCII.GetBytes(builder.Append("--B--\r\n").ToString());
    }

    private static byte[] Nested(int depth)
    {
        var builder = new StringBuilder("From: ada@example.net\r\nSubject: deep\r\n");
        for (var i = 0; i < depth; i++)
        {
            builder.Append(CultureInfo.InvariantCulture, $"Content-Type: multipart/mixed; boundary=\"B{i}\"\r\n\r\n--B{i}\r\n");
        }

        builder.Append("Content-Type: text/plain\r\n\r\nhello\r\n");
        for (var i = depth - 1; i >= 0; i--)
        {
            builder.Append(CultureInfo.InvariantCulture, $"--B{i}--\r\n");
        }

        return Encoding.ASCII.GetBytes(builder.ToString());
    }

    [Fact]
    public void A_message_of_5000_parts_is_refused_naming_the_limit()
    {
        var ex = Assert.Throws<MimeLimitException>(() => InboundMailParser.Parse(ManyParts(5000), "x@example.org", false, new InboundMailOptions()));
        Assert.Contains("More than 100 MIME parts", ex.Message);
    }

    [Fact]
    public void A_message_within_the_limit_parses()
    {
        var parsed = InboundMailParser.Parse(ManyParts(50), "x@example.org", false, new InboundMailOptions());
        Assert.Equal("mallory@evil.example", parsed.Mail.FromAddress);
    }

    [Fact]
    public void Parts_nested_deeper_than_the_limit_are_refused()
    {
        var options = new InboundMailOptions { MaxMimeDepth = 20 };
        Assert.NotNull(InboundMailParser.Parse(Nested(10), null, false, options));
        var ex = Assert.Throws<MimeLimitException>(() => InboundMailParser.Parse(Nested(30), null, false, options));
        Assert.Contains("nested deeper than 20", ex.Message);
    }

    [Fact]
    public void Refusing_100k_parts_builds_none_of_them()
    {
        var raw = ManyParts(100_000);
        var options = new InboundMailOptions();
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();

        Assert.Throws<MimeLimitException>(() => InboundMailParser.Parse(raw, null, false, options));

        var allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
        var retained = GC.GetTotalMemory(forceFullCollection: true) - before;

        // Building the parts allocates hundreds of megabytes (several kB a part); refusing stops after 101.
        Assert.InRange(allocated, 0, 16L * 1024 * 1024);
        Assert.InRange(retained, long.MinValue, 4L * 1024 * 1024);
    }
}
