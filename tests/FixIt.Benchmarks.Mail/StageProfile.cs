using System.Diagnostics;
using FixIt.Infrastructure.Mail;
using FixIt.Infrastructure.Mail.Outbox;
using FixIt.Infrastructure.Mail.Sending;
using FixIt.Infrastructure.Persistence;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace FixIt.Benchmarks.Mail;

/// <summary>
/// Where one dispatcher worker's time goes: the steps of <c>OutboxDispatcher.DispatchOnceAsync</c> run one
/// after another with a stopwatch around each (the seeded rows have no report, so there are no reply keys).
/// </summary>
internal static class StageProfile
{
    public static async Task RunAsync(IServiceProvider services, int messages)
    {
        var options = services.GetRequiredService<IOptions<MailOptions>>().Value;
        var transport = services.GetRequiredService<IMailTransport>();
        var clock = TimeProvider.System;
        TimeSpan scope = default, claim = default, build = default, send = default, record = default;
        var done = 0;
        var total = Stopwatch.StartNew();
        var step = new Stopwatch();
        while (done < messages)
        {
            step.Restart();
            await using var serviceScope = services.CreateAsyncScope();
            var db = serviceScope.ServiceProvider.GetRequiredService<FixItDbContext>();
            var recorder = serviceScope.ServiceProvider.GetRequiredService<OutboxRecorder>();
            scope += Lap(step);

            var claimed = await OutboxClaimer.ClaimAsync(db, options.BatchSize, options.Lease, clock.GetUtcNow(), CancellationToken.None);
            claim += Lap(step);
            if (claimed.Count == 0)
            {
                throw new InvalidOperationException($"Nothing left to claim after {done} of {messages}.");
            }

            var mails = claimed.Select(m => MimeMessageFactory.Create(m, options, options.FromAddress, clock.GetUtcNow())).ToList();
            build += Lap(step);

            var outcomes = await transport.SendAsync(mails, CancellationToken.None);
            send += Lap(step);

            await recorder.RecordAsync(claimed, outcomes, CancellationToken.None);
            record += Lap(step);
            done += claimed.Count;
        }

        total.Stop();
        Console.WriteLine($"profile, one worker, batch {options.BatchSize}: {done} messages in {total.Elapsed.TotalSeconds:0.00} s = {done / total.Elapsed.TotalSeconds:0} messages/s");
        foreach (var (name, time) in new[] { ("scope + DbContext", scope), ("claim (UPDATE + SELECT)", claim), ("build MIME", build), ("SMTP send", send), ("record (SaveChanges)", record) })
        {
            Console.WriteLine($"  {name,-24} {time.TotalMilliseconds,8:0} ms  {time / total.Elapsed,6:P1}  {time.TotalMicroseconds / done,7:0.0} µs/message");
        }
    }

    private static TimeSpan Lap(Stopwatch step)
    {
        var elapsed = step.Elapsed;
        step.Restart();
        return elapsed;
    }
}
