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
    await RunSinkOnlyAsync(Argument("--port", 2626), Argument("--exit-after", 0), Argument("--seconds", 600), !args.Contains("--no-chunking"));
    return;
}

var messages = Argument("--messages", 10_000);
var warmup = Argument("--warmup", 30_000);
var pool = Argument("--pool", 2);
var batch = Argument("--batch", 100);
var provider = Enum.Parse<DatabaseProvider>(ArgumentText("--provider", "Sqlite"), ignoreCase: true);
var remote = ArgumentText("--sink", "");
var chunking = !args.Contains("--no-chunking");

await using var localSink = remote.Length == 0 ? new CountingSmtpSink(0, chunking) : null;
ISinkCounter sink = localSink is null ? RemoteSink(remote) : new InProcessSinkCounter(localSink);
var where = localSink is null ? $"sink in another process at {sink.Host}:{sink.Port}" : "sink in this process";

// A service that has run a while has its hot code compiled by the JIT's optimising tier; a fresh process spends
// its first seconds in quick, unoptimised code and in the JIT itself. Both are printed: cold (the first messages
// this process sends) and warm (the same host, after --warmup messages went through it first).
var rawCount = Math.Min(messages, 5_000);
var rawCold = await RawMailKitAsync(sink, rawCount);
var rawWarm = await RawMailKitAsync(sink, rawCount);
Console.WriteLine($"raw MailKit, one connection ({where}): {rawCold:0} messages/s cold, {rawWarm:0} messages/s warm");

var folder = Directory.CreateTempSubdirectory("fixit-bench-").FullName;
var postgresName = $"fixit_bench_{Guid.NewGuid():N}"[..24];
var settings = new Dictionary<string, string?>
{
    ["Database:Provider"] = provider.ToString(),
    ["Database:ConnectionString"] = provider == DatabaseProvider.PostgreSql
        ? $"Host=127.0.0.1;Port={Environment.GetEnvironmentVariable("FIXIT_BENCH_PGPORT") ?? "55432"};Username=postgres;Database={postgresName}{Environment.GetEnvironmentVariable("FIXIT_BENCH_PG_OPTIONS")}"
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
    ["Logging:LogLevel:Microsoft.AspNetCore.DataProtection"] = "Error",
};

var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = folder, EnvironmentName = "Benchmark" });
builder.Configuration.AddInMemoryCollection(settings);
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddFixItInfrastructure(builder.Configuration, builder.Environment);
using var host = builder.Build();
await host.Services.MigrateFixItDatabaseAsync();

// The warm-up rows are due now; the measured ones are held a day in the future and released by one UPDATE when
// the clock starts (its time is counted).
var start = DateTimeOffset.UtcNow;
await SeedAsync(host.Services, 0, warmup, start);
await SeedAsync(host.Services, warmup, messages, start.AddDays(1));

if (args.Contains("--profile"))
{
    // The dispatcher's steps by hand, one worker, with a stopwatch each; the hosted service is not started.
    await StageProfile.RunAsync(host.Services, warmup, quiet: true);
    var before = await sink.CountAsync();
    await ReleaseAsync(host.Services);
    await StageProfile.RunAsync(host.Services, messages, quiet: false);
    await CheckAsync(sink, before, messages, await UnsentAsync(host.Services, heldToo: true));
}
else
{
    var clock = Stopwatch.StartNew();
    var before = await sink.CountAsync();
    await host.StartAsync();
    await WaitAsync(warmup, before, clock);
    Console.WriteLine($"dispatcher warm-up ({provider}, pool {pool}, batch {batch}, {where}): {warmup} messages at {warmup / clock.Elapsed.TotalSeconds:0} messages/s, cold");

    // A moment for the JIT's background tier-up of what the warm-up ran, as a service that has been up a while has had.
    await Task.Delay(TimeSpan.FromSeconds(1));
    var process = Process.GetCurrentProcess();
    var (cpuBefore, sysBefore) = (process.TotalProcessorTime, process.PrivilegedProcessorTime);
    var (gcBefore, jitBefore, jitTimeBefore) = (GC.CollectionCount(0), System.Runtime.JitInfo.GetCompiledMethodCount(), System.Runtime.JitInfo.GetCompilationTime());
    using var jitLog = args.Contains("--jit-log") ? new JitLog() : null;
    if (jitLog is not null)
    {
        jitLog.Recording = true;
    }

    before = await sink.CountAsync();
    clock.Restart();
    await ReleaseAsync(host.Services);
    await WaitAsync(messages, before, clock);
    clock.Stop();
    process.Refresh();
    var cpu = process.TotalProcessorTime - cpuBefore;
    var sys = process.PrivilegedProcessorTime - sysBefore;
    var received = await CheckAsync(sink, before, messages, await UnsentAsync(host.Services, heldToo: true));
    Console.WriteLine($"dispatcher ({provider}, pool {pool}, batch {batch}, {where}, warm): {messages} messages in {clock.Elapsed.TotalSeconds:0.00} s = " +
        $"{messages / clock.Elapsed.TotalSeconds:0} messages/s (sink received {received}, all {messages} rows Sent); " +
        $"in that time: CPU {cpu.TotalMicroseconds / messages:0} µs/message ({sys.TotalMicroseconds / messages:0} in the kernel), {cpu / clock.Elapsed:0.00} cores busy in this process, " +
        $"{GC.CollectionCount(0) - gcBefore} gen0 GCs, JIT {System.Runtime.JitInfo.GetCompiledMethodCount() - jitBefore} methods in {(System.Runtime.JitInfo.GetCompilationTime() - jitTimeBefore).TotalMilliseconds:0} ms");
    if (jitLog is not null)
    {
        jitLog.Recording = false;
        foreach (var group in jitLog.Methods.GroupBy(m => m).OrderByDescending(g => g.Count()).Take(60))
        {
            Console.WriteLine($"{group.Count(),5} {group.Key}");
        }

        Console.WriteLine($"{jitLog.Methods.Count} JIT events");
    }

    await host.StopAsync();
}

if (provider == DatabaseProvider.PostgreSql)
{
    await using var scope = host.Services.CreateAsyncScope();
    await scope.ServiceProvider.GetRequiredService<FixItDbContext>().Database.EnsureDeletedAsync();
}

Directory.Delete(folder, recursive: true);
return;

// Until the sink has `count` more than `before` and the database records every due row as Sent. The database is
// only asked once the sink has them all.
async Task WaitAsync(int count, long before, Stopwatch clock)
{
    while (await sink.CountAsync() - before < count || await UnsentAsync(host.Services) > 0)
    {
        if (clock.Elapsed > TimeSpan.FromMinutes(5))
        {
            throw new TimeoutException($"Only {await sink.CountAsync() - before} of {count} arrived in 5 minutes.");
        }

        await Task.Delay(20);
    }
}

static async Task SeedAsync(IServiceProvider services, int first, int count, DateTimeOffset due)
{
    await using var scope = services.CreateAsyncScope();
    var db = scope.ServiceProvider.GetRequiredService<FixItDbContext>();
    var text = string.Concat(Enumerable.Repeat("The light outside number 12 has been out for a week. ", 10));
    db.OutboxMessages.AddRange(Enumerable.Range(first, count).Select(i => new OutboxMessage(MailKind.ReporterUpdate, null, null,
        $"reader{i}@example.net", "A Reader", $"[FixIt #{i}] Update: Street light out", text, $"<p>{text}</p>", null,
        $"https://fixit.example.org/unsubscribe/{i}", $"bench.{i}@fixit.example.org", due)));
    await db.SaveChangesAsync();
}

// Makes the held-back rows due now.
static async Task ReleaseAsync(IServiceProvider services)
{
    await using var scope = services.CreateAsyncScope();
    var now = DateTimeOffset.UtcNow;
    await scope.ServiceProvider.GetRequiredService<FixItDbContext>().OutboxMessages
        .Where(m => m.Status == OutboxStatus.Pending && m.NextAttemptAt > now)
        .ExecuteUpdateAsync(u => u.SetProperty(m => m.NextAttemptAt, now));
}

// Due rows not yet recorded as Sent (held-back rows do not count until released).
static async Task<int> UnsentAsync(IServiceProvider services, bool heldToo = false)
{
    await using var scope = services.CreateAsyncScope();
    var until = heldToo ? DateTimeOffset.MaxValue : DateTimeOffset.UtcNow;
    return await scope.ServiceProvider.GetRequiredService<FixItDbContext>().OutboxMessages.CountAsync(m => m.Status != OutboxStatus.Sent && m.NextAttemptAt <= until);
}

// The sink must have exactly what was sent: no message lost, none twice.
static async Task<long> CheckAsync(ISinkCounter sink, long before, int expected, int unsent)
{
    var received = await sink.CountAsync() - before;
    return received == expected && unsent == 0 ? received
        : throw new InvalidOperationException($"Expected {expected} at the sink and none unsent; the sink has {received}, {unsent} rows are not Sent.");
}

static async Task RunSinkOnlyAsync(int port, int exitAfter, int seconds, bool chunking)
{
    await using var sink = new CountingSmtpSink(port, chunking);
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
