using System.Diagnostics;
using System.Globalization;
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
var messages = Argument("--messages", 10_000);
var pool = Argument("--pool", 2);
var batch = Argument("--batch", 100);
var provider = Enum.Parse<DatabaseProvider>(ArgumentText("--provider", "Sqlite"), ignoreCase: true);

await using var sink = new CountingSmtpSink();
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
    ["Mail:SmtpHost"] = "127.0.0.1",
    ["Mail:SmtpPort"] = sink.Port.ToString(CultureInfo.InvariantCulture),
    ["Mail:TlsMode"] = "None",
    ["Mail:PoolSize"] = pool.ToString(CultureInfo.InvariantCulture),
    ["Mail:BatchSize"] = batch.ToString(CultureInfo.InvariantCulture),
    ["Mail:PollInterval"] = "00:00:00.050",
    ["Logging:LogLevel:Default"] = "Warning",
};

var raw = await RawMailKitAsync(sink, Math.Min(messages, 5_000));
Console.WriteLine($"raw MailKit, one connection: {raw:0} messages/s");

var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = folder, EnvironmentName = "Benchmark" });
builder.Configuration.AddInMemoryCollection(settings);
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddFixItInfrastructure(builder.Configuration, builder.Environment);
using var host = builder.Build();
await host.Services.MigrateFixItDatabaseAsync();
await SeedAsync(host.Services, messages);

var before = sink.Count;
var clock = Stopwatch.StartNew();
await host.StartAsync();
while (sink.Count - before < messages || await UnsentAsync(host.Services) > 0)
{
    if (clock.Elapsed > TimeSpan.FromMinutes(5))
    {
        throw new TimeoutException($"Only {sink.Count - before} of {messages} arrived in 5 minutes.");
    }

    await Task.Delay(20);
}

clock.Stop();
await host.StopAsync();
Console.WriteLine($"dispatcher ({provider}, pool {pool}, batch {batch}): {messages} messages in {clock.Elapsed.TotalSeconds:0.00} s = " +
    $"{messages / clock.Elapsed.TotalSeconds:0} messages/s (sink received {sink.Count - before})");

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

static async Task<double> RawMailKitAsync(CountingSmtpSink sink, int count)
{
    using var client = new SmtpClient();
    await client.ConnectAsync("127.0.0.1", sink.Port, SecureSocketOptions.None);
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
    return count / clock.Elapsed.TotalSeconds;
}

int Argument(string name, int fallback) => int.Parse(ArgumentText(name, fallback.ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture);

string ArgumentText(string name, string fallback)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? args[index + 1] : fallback;
}
