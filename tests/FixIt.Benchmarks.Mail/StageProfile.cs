using System.Diagnostics;
using FixIt.Infrastructure.Mail;
using FixIt.Infrastructure.Mail.Outbox;
using FixIt.Infrastructure.Mail.Sending;
using FixIt.Infrastructure.Persistence;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace FixIt.Benchmarks.Mail;

/// <summary>
/// Where one dispatcher worker's time goes: the dispatcher's steps (claim, build, send, record) run one after
/// another, not overlapped, with the wall time and the process's CPU time of each (the in-process sink's CPU
/// lands in "SMTP send"). The seeded rows have no report, so there are no reply keys to read.
/// </summary>
internal static class StageProfile
{
    public static async Task RunAsync(IServiceProvider services, int messages, bool quiet)
    {
        var options = services.GetRequiredService<IOptions<MailOptions>>().Value;
        var transport = services.GetRequiredService<IMailTransport>();
        var clock = TimeProvider.System;
        var stages = new[] { "scope + DbContext", "claim (UPDATE + SELECT)", "build MIME", "SMTP send", "record (SaveChanges)" }
            .Select(name => new Stage(name)).ToArray();
        var done = 0;
        var total = Stopwatch.StartNew();
        var process = Process.GetCurrentProcess();
        var cpuAtStart = process.TotalProcessorTime;
        var lap = new Lap(process);
        while (done < messages)
        {
            lap.Start();
            await using var serviceScope = services.CreateAsyncScope();
            var db = serviceScope.ServiceProvider.GetRequiredService<FixItDbContext>();
            var recorder = serviceScope.ServiceProvider.GetRequiredService<OutboxRecorder>();
            lap.To(stages[0]);

            var claimed = await OutboxClaimer.ClaimAsync(db, options.BatchSize, options.Lease, clock.GetUtcNow(), CancellationToken.None);
            lap.To(stages[1]);
            if (claimed.Count == 0)
            {
                throw new InvalidOperationException($"Nothing left to claim after {done} of {messages}.");
            }

            var mails = claimed.Select(m => MimeMessageFactory.Create(m, options, options.FromAddress, clock.GetUtcNow())).ToList();
            lap.To(stages[2]);

            var outcomes = await transport.SendAsync(mails, CancellationToken.None);
            lap.To(stages[3]);

            await recorder.RecordAsync(claimed, outcomes, CancellationToken.None);
            lap.To(stages[4]);
            done += claimed.Count;
        }

        total.Stop();
        if (quiet)
        {
            return;
        }

        process.Refresh();
        var cpu = process.TotalProcessorTime - cpuAtStart;
        Console.WriteLine($"profile, one worker, batch {options.BatchSize}: {done} messages in {total.Elapsed.TotalSeconds:0.00} s = " +
            $"{done / total.Elapsed.TotalSeconds:0} messages/s, CPU {cpu.TotalMicroseconds / done:0} µs/message");
        Console.WriteLine($"  {"step",-24} {"wall µs/msg",12} {"CPU µs/msg",12}");
        foreach (var stage in stages)
        {
            Console.WriteLine($"  {stage.Name,-24} {stage.Wall.TotalMicroseconds / done,12:0.0} {stage.Cpu.TotalMicroseconds / done,12:0.0}");
        }
    }

    private sealed class Stage(string name)
    {
        public string Name { get; } = name;

        public TimeSpan Wall { get; set; }

        public TimeSpan Cpu { get; set; }
    }

    /// <summary>Wall and process CPU time since the last mark.</summary>
    private sealed class Lap(Process process)
    {
        private readonly Stopwatch _wall = new();
        private TimeSpan _cpu;

        public void Start()
        {
            process.Refresh();
            _cpu = process.TotalProcessorTime;
            _wall.Restart();
        }

        public void To(Stage stage)
        {
            stage.Wall += _wall.Elapsed;
            process.Refresh();
            var cpu = process.TotalProcessorTime;
            stage.Cpu += cpu - _cpu;
            _cpu = cpu;
            _wall.Restart();
        }
    }
}
