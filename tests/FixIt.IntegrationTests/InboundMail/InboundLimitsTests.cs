using System.Globalization;
using System.Text;
using FixIt.Domain.Inbound;
using FixIt.Infrastructure.Mail.Inbound.Smtp;
using FixIt.Infrastructure.Persistence;
using FixIt.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using MimeKit.Text;

namespace FixIt.IntegrationTests.InboundMail;

/// <summary>A listener with small limits: 4 connections per client address, 3 MB messages, data over 128 KB spooled, 3 MB in memory in all.</summary>
public sealed class LimitedInboundFixture : PerProviderApps<InboundMailApp>
{
    public const int MaxMessageBytes = 3 * 1024 * 1024;

    protected override Task<InboundMailApp> StartAsync(DatabaseProvider provider) => InboundMailApp.StartAsync(provider, new Dictionary<string, string?>
    {
        ["InboundMail:MaxMessageBytes"] = MaxMessageBytes.ToString(CultureInfo.InvariantCulture),
        ["InboundMail:Smtp:MaxBufferedBytes"] = MaxMessageBytes.ToString(CultureInfo.InvariantCulture),
        ["InboundMail:Smtp:InMemoryThresholdBytes"] = (128 * 1024).ToString(CultureInfo.InvariantCulture),
        ["InboundMail:Smtp:MaxConnectionsPerAddress"] = "4",
    });
}

public sealed class InboundLimitsTests(LimitedInboundFixture apps) : IClassFixture<LimitedInboundFixture>
{
    [Theory]
    [MemberData(nameof(InboundMailFixture.Providers), MemberType = typeof(InboundMailFixture))]
    public async Task A_client_over_its_connection_limit_gets_421_while_another_client_delivers_a_reply(DatabaseProvider provider)
    {
        var mail = await apps.GetAsync(provider);
        var (id, reply) = await mail.SentReportAsync("Idle connections flood");

        var idle = new List<LoopbackSmtp>();
        try
        {
            for (var i = 0; i < 4; i++)
            {
                idle.Add(await LoopbackSmtp.ConnectAsync("127.0.0.5", mail.Smtp));
                Assert.StartsWith("220 ", await idle[^1].ReadReplyAsync(), StringComparison.Ordinal);
            }

            using (var over = await LoopbackSmtp.ConnectAsync("127.0.0.5", mail.Smtp))
            {
                Assert.StartsWith("421 ", await over.ReadReplyAsync(), StringComparison.Ordinal);
                Assert.Equal("", await over.ReadReplyAsync());
            }

            using var other = await LoopbackSmtp.ConnectAsync("127.0.0.6", mail.Smtp);
            Assert.StartsWith("220 ", await other.ReadReplyAsync(), StringComparison.Ordinal);
            var answer = await other.SendAsync(InboundMailApp.OperatorContact, reply,
                Bytes(OperatorReply.To(reply, InboundMailApp.OperatorContact, "Delivered while another client held its connections.", id)));
            Assert.StartsWith("250", answer, StringComparison.Ordinal);
            Assert.Contains("Delivered while another client held its connections.", await mail.PageShowingAsync(id, "Delivered while"),
                StringComparison.Ordinal);
        }
        finally
        {
            idle.ForEach(c => c.Dispose());
        }

        // Once its connections are closed, the client is served again (the server notices the closes by itself).
        var served = "";
        for (var attempt = 0; attempt < 50 && !served.StartsWith("220 ", StringComparison.Ordinal); attempt++)
        {
            using var again = await LoopbackSmtp.ConnectAsync("127.0.0.5", mail.Smtp);
            served = await again.ReadReplyAsync();
            if (!served.StartsWith("220 ", StringComparison.Ordinal))
            {
                await Task.Delay(200);
            }
        }

        Assert.StartsWith("220 ", served, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(InboundMailFixture.Providers), MemberType = typeof(InboundMailFixture))]
    public async Task The_greeting_names_the_server_but_no_software_or_version(DatabaseProvider provider)
    {
        var mail = await apps.GetAsync(provider);
        using var client = await LoopbackSmtp.ConnectAsync("127.0.0.1", mail.Smtp);
        Assert.Equal("220 mx.fixit.test ESMTP", await client.ReadReplyAsync());
        var ehlo = await client.CommandAsync("EHLO client.example.org");
        Assert.DoesNotContain("SmtpServer", ehlo, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotMatch(@"v\d+\.\d+", ehlo);
    }

    [Theory]
    [MemberData(nameof(InboundMailFixture.Providers), MemberType = typeof(InboundMailFixture))]
    public async Task A_two_megabyte_deeply_nested_html_reply_is_answered_at_once_and_published(DatabaseProvider provider)
    {
        var mail = await apps.GetAsync(provider);
        var (id, reply) = await mail.SentReportAsync("Nested HTML reply");
        var html = "<html><body><p>The nested reply was read.</p>" + string.Concat(Enumerable.Repeat("<div>", 400_000)) + "deep</body></html>";
        var message = OperatorReply.To(reply, InboundMailApp.OperatorContact, "", id);
        message.Body = new TextPart(TextFormat.Html) { Text = html, ContentTransferEncoding = ContentEncoding.QuotedPrintable };
        var bytes = Bytes(message);
        Assert.True(bytes.Length > 2_000_000);

        using var client = await LoopbackSmtp.ConnectAsync("127.0.0.1", mail.Smtp);
        await client.ReadReplyAsync();
        Assert.StartsWith("250", await client.SendAsync(InboundMailApp.OperatorContact, reply, bytes), StringComparison.Ordinal);

        Assert.Contains("The nested reply was read.", await mail.PageShowingAsync(id, "The nested reply was read."), StringComparison.Ordinal);
        var stored = (await mail.InboundMessagesAsync()).Single(m => m.ReportId == id);
        Assert.Equal(InboundMessageStatus.Published, stored.Status);
    }

    [Theory]
    [MemberData(nameof(InboundMailFixture.Providers), MemberType = typeof(InboundMailFixture))]
    public async Task A_message_above_the_in_memory_threshold_is_spooled_to_disk_and_stored_intact(DatabaseProvider provider)
    {
        var mail = await apps.GetAsync(provider);
        var spool = mail.App.Services.GetRequiredService<MessageSpool>();
        var (id, reply) = await mail.SentReportAsync("Large reply");
        var bytes = WithAttachment(reply, id, "The large reply arrived whole.", 600 * 1024, seed: 1);
        var spilled = spool.SpilledToDisk;

        using var client = await LoopbackSmtp.ConnectAsync("127.0.0.1", mail.Smtp);
        await client.ReadReplyAsync();
        Assert.StartsWith("250", await client.SendAsync(InboundMailApp.OperatorContact, reply, bytes), StringComparison.Ordinal);

        Assert.True(spool.SpilledToDisk > spilled, "The message was not written to disk.");
        Assert.Contains("The large reply arrived whole.", await mail.PageShowingAsync(id, "The large reply arrived whole."), StringComparison.Ordinal);
        var stored = (await mail.InboundMessagesAsync()).Single(m => m.ReportId == id);
        Assert.Equal(bytes, stored.Raw);
    }

    [Theory]
    [MemberData(nameof(InboundMailFixture.Providers), MemberType = typeof(InboundMailFixture))]
    public async Task Parallel_large_messages_never_hold_more_than_the_memory_budget(DatabaseProvider provider)
    {
        var mail = await apps.GetAsync(provider);
        var spool = mail.App.Services.GetRequiredService<MessageSpool>();
        var (id, reply) = await mail.SentReportAsync("Parallel large replies");
        var messages = Enumerable.Range(0, 8).Select(i => WithAttachment(reply, id, $"Parallel reply {i}.", 700 * 1024, seed: 10 + i)).ToList();
        Assert.True(messages.Sum(m => m.Length) > 2 * spool.MaxBufferedBytes);

        var answers = await Task.WhenAll(messages.Select(async (bytes, i) =>
        {
            using var client = await LoopbackSmtp.ConnectAsync($"127.0.1.{i + 1}", mail.Smtp);
            await client.ReadReplyAsync();
            return await client.SendAsync(InboundMailApp.OperatorContact, reply, bytes);
        }));

        Assert.All(answers, a => Assert.StartsWith("250", a, StringComparison.Ordinal));
        Assert.InRange(spool.PeakBufferedBytes, 1, LimitedInboundFixture.MaxMessageBytes);
        Assert.Equal(0, spool.BufferedBytes);
        var stored = (await mail.InboundMessagesAsync()).Where(m => m.ReportId == id || m.Recipient == reply).ToList();
        Assert.Equal(messages.Select(m => m.Length).Order(), stored.Select(m => m.Raw.Length).Order());
    }

    [Theory]
    [MemberData(nameof(InboundMailFixture.Providers), MemberType = typeof(InboundMailFixture))]
    public async Task An_out_of_office_without_automatic_headers_is_kept_private(DatabaseProvider provider)
    {
        var mail = await apps.GetAsync(provider);
        var (id, reply) = await mail.SentReportAsync("Out of office wording");
        var message = OperatorReply.To(reply, InboundMailApp.OperatorContact,
            "Vielen Dank für Ihre Nachricht. Ich bin bis zum 3. März nicht im Büro und habe keinen Zugriff auf meine E-Mails.", id);

        using var client = await LoopbackSmtp.ConnectAsync("127.0.0.1", mail.Smtp);
        await client.ReadReplyAsync();
        Assert.StartsWith("250", await client.SendAsync(InboundMailApp.OperatorContact, reply, Bytes(message)), StringComparison.Ordinal);

        var stored = await ProcessedAsync(mail, reply);
        Assert.Equal(InboundMessageStatus.AutoReply, stored.Status);
        Assert.DoesNotContain("nicht im Büro", await mail.App.Client.GetStringAsync($"reports/{id}"), StringComparison.Ordinal);
    }

    private static async Task<InboundMessage> ProcessedAsync(InboundMailApp mail, string recipient)
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            var stored = (await mail.InboundMessagesAsync()).LastOrDefault(m => m.Recipient == recipient);
            if (stored is not null && stored.Status != InboundMessageStatus.Received)
            {
                return stored;
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"No processed message for {recipient}.");
    }

    private static byte[] WithAttachment(string reply, int id, string text, int attachmentBytes, int seed)
    {
        var message = OperatorReply.To(reply, InboundMailApp.OperatorContact, text, id);
        var data = new byte[attachmentBytes];
        new Random(seed).NextBytes(data);
        var body = new Multipart("mixed")
        {
            message.Body!,
            new MimePart("application", "octet-stream")
            {
                Content = new MimeContent(new MemoryStream(data)),
                ContentTransferEncoding = ContentEncoding.Base64,
                FileName = "survey.bin",
            },
        };
        message.Body = body;
        return Bytes(message);
    }

    private static byte[] Bytes(MimeMessage message)
    {
        using var stream = new MemoryStream();
        var format = FormatOptions.Default.Clone();
        format.NewLineFormat = NewLineFormat.Dos;
        message.WriteTo(format, stream);
        var bytes = stream.ToArray();
        return bytes.AsSpan().EndsWith("\r\n"u8) ? bytes : [.. bytes, .. Encoding.ASCII.GetBytes("\r\n")];
    }
}
