using System.Diagnostics;
using System.Globalization;
using System.Net;
using FixIt.Benchmarks.Mail;
using FixIt.Domain.Messaging;
using FixIt.Infrastructure;
using FixIt.Infrastructure.Persistence;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using MimeKit;

// Outbox dispatcher throughput: N rows seeded in a fresh database, the real dispatcher (hosted service, real
// claim SQL, MailKit pool) sending them to an SMTP server on loopback, timed until the sink has them all and
// the database records every one as sent. Also times raw MailKit over one connection, as the ceiling.
// The receiver runs in this process, or (--sink 127.0.0.1:PORT) in another one started with --sink-only.
if (args.Contains("--sink-only"))
{
    await RunSinkOnlyAsync(Argument("--port", 2626), Argument("--exit-after", 0), Argument("--seconds", 600));
    return;
}

var messages = Argument("--messages", 10_000);
var pool = Argument("--pool", 2);
var batch = Argument("--batch", 100);
var provider = Enum.Parse<DatabaseProvider>(ArgumentText("--provider", "Sqlite"), ignoreCase: true);
var remote = ArgumentText("--sink", "");

await using var localSink = remote.Length == 0 ? new CountingSmtpSink() : null;
ISinkCounter sink = localSink is null ? RemoteSink(remote) : new InProcessSinkCounter(localSink);
var where = localSink is null ? $"sink in another process at {sink.Host}:{sink.Port}" : "sink in this process";
var folder = Directory.CreateTempSubdirectory("fixit-bench-").FullName;
var postgresName = $"fixit_bench_{Guid.NewGuid():N}"[..24];
var settings = new Dictionary<string, string?>
{
    ["Database:Provider"] = provider.ToString(),
    ["Database:ConnectionString"] = provider == DatabaseProvider.PostgreSql
        ? $"Host=127.0.0.1;Port=55432;Username=postgres;Database={postgresName}"
        : $"Data Source={Path.Combine(folder, "fixit.db")};Pooling=true",
    ["Storage:DataFolder"] = folder,
    ["Mail:Transport"] = "Smtp",
    ["Mail:SmtpHost"] = sink.Host,
    ["Mail:SmtpPort"] = sink.Port.ToString(CultureInfo.InvariantCulture),
    ["Mail:TlsMode"] = "None",
    ["Mail:PoolSize"] = pool.ToString(CultureInfo.InvariantCulture),
    ["Mail:BatchSize"] = batch.ToString(CultureInfo.InvariantCulture),
    ["Mail:PollInterval"] = "00:00:00.050",
    ["Logging:LogLevel:Default"] = "Warning",
};

var raw = await RawMailKitAsync(sink, Math.Min(messages, 5_000));
Console.WriteLine($"raw MailKit, one connection ({where}): {raw:0} messages/s");

var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = folder, EnvironmentName = "Benchmark" });
builder.Configuration.AddInMemoryCollection(settings);
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddFixItInfrastructure(builder.Configuration, builder.Environment);
using var host = builder.Build();
await host.Services.MigrateFixItDatabaseAsync();
await SeedAsync(host.Services, messages);

var before = await sink.CountAsync();
if (args.Contains("--profile"))
{
    // The dispatcher's steps by hand, one worker, with a stopwatch each; the hosted service is not started.
    await StageProfile.RunAsync(host.Services, messages);
    await CheckAsync(sink, before, messages, await UnsentAsync(host.Services));
}
else
{
    var clock = Stopwatch.StartNew();
    await host.StartAsync();
    while (await sink.CountAsync() - before < messages || await UnsentAsync(host.Services) > 0)
    {
        if (clock.Elapsed > TimeSpan.FromMinutes(5))
        {
            throw new TimeoutException($"Only {await sink.CountAsync() - before} of {messages} arrived in 5 minutes.");
        }

        await Task.Delay(20);
    }

    clock.Stop();
    var received = await CheckAsync(sink, before, messages, 0);
    await host.StopAsync();
    Console.WriteLine($"dispatcher ({provider}, pool {pool}, batch {batch}, {where}): {messages} messages in {clock.Elapsed.TotalSeconds:0.00} s = " +
        $"{messages / clock.Elapsed.TotalSeconds:0} messages/s (sink received {received}, all {messages} rows Sent)");
}

if (provider == DatabaseProvider.PostgreSql)
{
    await using var scope = host.Services.CreateAsyncScope();
    await scope.ServiceProvider.GetRequiredService<FixItDbContext>().Database.EnsureDeletedAsync();
}

Directory.Delete(folder, recursive: true);
return;

static async Task SeedAsync(IServiceProvider services, int count)
{
    await using var scope = services.CreateAsyncScope();
    var db = scope.ServiceProvider.GetRequiredService<FixItDbContext>();
    var now = DateTimeOffset.UtcNow;
    var text = string.Concat(Enumerable.Repeat("The light outside number 12 has been out for a week. ", 10));
    db.OutboxMessages.AddRange(Enumerable.Range(0, count).Select(i => new OutboxMessage(MailKind.ReporterUpdate, null, null,
        $"reader{i}@example.net", "A Reader", $"[FixIt #{i}] Update: Street light out", text, $"<p>{text}</p>", null,
        $"https://fixit.example.org/unsubscribe/{i}", $"bench.{i}@fixit.example.org", now)));
    await db.SaveChangesAsync();
}

static async Task<int> UnsentAsync(IServiceProvider services)
{
    await using var scope = services.CreateAsyncScope();
    return await scope.ServiceProvider.GetRequiredService<FixItDbContext>().OutboxMessages.CountAsync(m => m.Status != OutboxStatus.Sent);
}

// The sink must have exactly what was sent: no message lost, none twice.
static async Task<long> CheckAsync(ISinkCounter sink, long before, int expected, int unsent)
{
    var received = await sink.CountAsync() - before;
    return received == expected && unsent == 0 ? received
        : throw new InvalidOperationException($"Expected {expected} at the sink and none unsent; the sink has {received}, {unsent} rows are not Sent.");
}

static async Task RunSinkOnlyAsync(int port, int exitAfter, int seconds)
{
    await using var sink = new CountingSmtpSink(port);
    Console.WriteLine($"sink listening on 127.0.0.1:{sink.Port}; exits after {(exitAfter > 0 ? $"{exitAfter} messages or " : "")}{seconds} s");
    var clock = Stopwatch.StartNew();
    while (clock.Elapsed < TimeSpan.FromSeconds(seconds) && (exitAfter <= 0 || sink.Count < exitAfter))
    {
        await Task.Delay(50);
    }

    // A little longer, so the sender's last count check (XCNT) still finds the sink.
    await Task.Delay(TimeSpan.FromSeconds(exitAfter > 0 && sink.Count >= exitAfter ? 3 : 0));
    Console.WriteLine($"sink received {sink.Count} messages in {clock.Elapsed.TotalSeconds:0.0} s");
}

static RemoteSinkCounter RemoteSink(string address)
{
    var colon = address.LastIndexOf(':');
    if (colon < 0 || !IPAddress.TryParse(address[..colon], out var ip) || !IPAddress.IsLoopback(ip)
        || !int.TryParse(address[(colon + 1)..], CultureInfo.InvariantCulture, out var port))
    {
        throw new ArgumentException($"--sink wants a loopback address and port, like 127.0.0.1:2626; got '{address}'.");
    }

    return new RemoteSinkCounter(ip.ToString(), port);
}

static async Task<double> RawMailKitAsync(ISinkCounter sink, int count)
{
    var before = await sink.CountAsync();
    using var client = new SmtpClient();
    await client.ConnectAsync(sink.Host, sink.Port, SecureSocketOptions.None);
    var text = string.Concat(Enumerable.Repeat("The light outside number 12 has been out for a week. ", 10));
    var clock = Stopwatch.StartNew();
    for (var i = 0; i < count; i++)
    {
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress("FixIt", "fixit@fixit.example.org"));
        message.To.Add(new MailboxAddress("A Reader", $"reader{i}@example.net"));
        message.Subject = "Update";
        message.Body = new BodyBuilder { TextBody = text, HtmlBody = $"<p>{text}</p>" }.ToMessageBody();
        await client.SendAsync(message);
    }

    clock.Stop();
    await client.DisconnectAsync(quit: true);
    await CheckAsync(sink, before, count, 0);
    return count / clock.Elapsed.TotalSeconds;
}

int Argument(string name, int fallback) => int.Parse(ArgumentText(name, fallback.ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture);

string ArgumentText(string name, string fallback)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? args[index + 1] : fallback;
}
