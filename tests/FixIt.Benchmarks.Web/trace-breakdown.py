#!/usr/bin/env python3
"""Where a submission's CPU goes, from a dotnet-trace speedscope file (cost-per-submit.sh with FIXIT_BENCH_TRACE).

The trace samples every managed thread's stack about every 10 ms, running or not. Samples in native code under a wait
(an idle thread-pool worker, a socket poll, a semaphore) are counted apart as waiting; the rest are attributed to
one step of the submit path by the innermost frame that names a step (STEPS, innermost first), and the steps are
printed as shares of the running samples. Multiply a share by the app's CPU milliseconds per submission (printed by
cost-per-submit.sh) for the step's CPU per submission.

Usage: trace-breakdown.py FILE.speedscope.json [--top N]
"""
import json
import sys
from collections import Counter

# (step, substrings of a frame name); the innermost frame that matches any step decides, so nested steps win.
STEPS = [
    ("SHA-256 and random tokens", ["System.Security.Cryptography", "RandomNumberGenerator"]),
    ("JSON (System.Text.Json)", ["System.Text.Json"]),
    ("logging", ["Microsoft.Extensions.Logging", "LoggerMessage"]),
    ("GC", ["GarbageCollect", "gc_heap", "GCHeap"]),
    ("JIT and type loading", ["JIT_", "ThePreStub", "ClassLoader", "MethodDesc::DoPrestub"]),
    ("outbox: claim", ["OutboxClaimer"]),
    ("outbox: record", ["OutboxRecorder"]),
    ("outbox: MIME build", ["MimeMessageFactory"]),
    ("outbox: SMTP send (MailKit)", ["MailKit", "SmtpMailTransport", "SmtpConnectionPool"]),
    ("outbox: other", ["OutboxDispatcher"]),
    ("mailbox cap (one upsert)", ["MailboxCaps"]),
    ("confirmation email: render", ["MailTemplates", "ReportMailer"]),
    ("nearest place query", ["NearestPlaceFinder"]),
    ("routing index", ["RoutingIndexHolder", "RoutingSnapshot", "AreaIndex"]),
    ("EF Core SaveChanges", ["SaveChanges"]),
    ("EF Core queries", ["Microsoft.EntityFrameworkCore.Query", "EntityFrameworkQueryableExtensions", "ShapedQueryCompiling",
                         "SingleQueryingEnumerable", "RelationalCommand"]),
    ("EF Core context set-up", ["DbContextOptions", "DbContextPool", "ServiceProviderCache", "DbContext..ctor",
                                "DbContext.get_", "InternalServiceProvider"]),
    ("transaction (begin/commit, write gate)", ["EfUnitOfWork", "BeginTransaction", "Commit", "SqliteWriteGate"]),
    ("validation (FluentValidation)", ["FluentValidation", "SubmitReportValidator", "ValidationBehaviour"]),
    ("submit handler, other", ["SubmitReportHandler", "Report.Submit"]),
    ("mediator pipeline, other", ["Mediator", "LoggingBehaviour", "TransactionBehaviour", "RoutingRefreshBehaviour"]),
    ("rate limiter", ["RateLimit"]),
    ("antiforgery", ["Antiforgery"]),
    ("OpenTelemetry / Activity", ["OpenTelemetry", "System.Diagnostics.Activity", "DiagnosticListener"]),
    ("endpoint binding and result", ["RequestDelegateFactory", "ReportsEndpoints", "CeilingEndpoint", "TypedResults",
                                     "HttpResults"]),
    ("database driver (SQLite / Npgsql)", ["Microsoft.Data.Sqlite", "SQLitePCL", "Npgsql"]),
    ("Kestrel, HTTP and middleware", ["Microsoft.AspNetCore", "System.IO.Pipelines", "System.Net.Sockets"]),
]

WAITS = ["WaitForSignal", "WaitOne", "Wait(", "Monitor.Wait", "Thread.Sleep", "WaitForSocketEvents", "SleepEx",
         "LowLevelLifoSemaphore", "PortableThreadPool+GateThread", "WaitHandle", "epoll", "Interop+Sys.Poll",
         "Interop+Sys.Read(", "accept", "ThreadNative::Sleep", "WaitMultiple", "Interop+Sys.WaitForSocketEvents",
         "System.Threading.TimerQueue", "Interop+Sys.LowLevelMonitor", "SemaphoreSlim.Wait", "ManualResetEventSlim.Wait"]


# A worker spinning for work before it sleeps, or the runtime polling for a GC: the CPU the load costs, not a step.
SPINS = ["LowLevelSpinWaiter", "PortableThreadPool+WorkerThread.WorkerThreadStart", "PollGC"]


def stacks(doc):
    """Yields (stack as frame names, outermost first; weight) for every sample of every thread."""
    frames = [f["name"] for f in doc["shared"]["frames"]]
    for profile in doc["profiles"]:
        if profile["type"] == "sampled":
            for sample, weight in zip(profile["samples"], profile["weights"]):
                yield [frames[i] for i in sample], weight
        else:
            open_frames, last = [], None
            for event in profile["events"]:
                if last is not None and open_frames and event["at"] > last:
                    yield [frames[i] for i in open_frames], event["at"] - last
                last = event["at"]
                if event["type"] == "O":
                    open_frames.append(event["frame"])
                else:
                    # Close the innermost occurrence of this frame.
                    for k in range(len(open_frames) - 1, -1, -1):
                        if open_frames[k] == event["frame"]:
                            del open_frames[k:]
                            break


def main():
    path = sys.argv[1]
    top = int(sys.argv[sys.argv.index("--top") + 1]) if "--top" in sys.argv else 25
    with open(path, encoding="utf-8") as f:
        doc = json.load(f)
    steps, inclusive, leaves = Counter(), Counter(), Counter()
    waiting = running = spinning = 0.0
    for stack, weight in stacks(doc):
        # The converter ends each stack with CPU_TIME (in managed code) or UNMANAGED_CODE_TIME (in native code: SQLite,
        # a socket write, or a wait); before the code frames come the process, "Threads" and the thread's name.
        state = stack[-1] if stack and stack[-1] in ("CPU_TIME", "UNMANAGED_CODE_TIME") else None
        stack = [name for name in stack if "!" in name]
        if not stack or (state == "UNMANAGED_CODE_TIME" and any(w in stack[-1] for w in WAITS)):
            waiting += weight
            continue
        if any(spin in stack[-1] for spin in SPINS):
            spinning += weight
            continue
        running += weight
        step = "other"
        for name in reversed(stack):
            hit = next((s for s, keys in STEPS if any(k in name for k in keys)), None)
            if hit:
                step = hit
                break
        steps[step] += weight
        leaves[stack[-1]] += weight
        for name in set(stack):
            inclusive[name] += weight
    print(f"running samples: {running:.0f} (left out: waiting {waiting:.0f}, thread pool spinning or idle {spinning:.0f})")
    print("\nstep                                      share of running")
    for step, weight in steps.most_common():
        print(f"  {step:40} {100 * weight / running:5.1f} %")
    print(f"\ninnermost frames (top {top})")
    for name, weight in leaves.most_common(top):
        print(f"  {100 * weight / running:5.1f} %  {name[:150]}")
    print(f"\nFixIt frames, inclusive (top {top})")
    for name, weight in [(n, w) for n, w in inclusive.most_common() if "FixIt" in n][:top]:
        print(f"  {100 * weight / running:5.1f} %  {name[:150]}")


if __name__ == "__main__":
    main()
