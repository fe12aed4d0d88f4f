#!/usr/bin/env python3
"""Groups `perf script` stacks of the app (perf-submit.sh) into the steps of a submission.

Each on-CPU sample goes to the innermost frame (leaf first) that names a step, so the kernel's work under a socket
send counts for Kestrel and under a pwrite for SQLite; a sample with no such frame goes by its thread (the GC's
threads, the thread pool's idle spinning, the socket engine). Usage:
    perf script -i /tmp/submit.perf.data | python3 tests/FixIt.Benchmarks.Web/perf-breakdown.py [ms of app CPU per request]
"""
import re
import sys
from collections import Counter

STEPS = [  # (step, pattern over "symbol (library)"), the first that matches a frame wins for that frame
    ("context switches, yields and futex wake-ups (threads handing work over)", r"finish_task_switch|__sched_yield|futex_wake|futex_wait|__schedule"),
    ("SQLite native (parse, prepare, step, b-tree, WAL)", r"libe_sqlite3|__libc_pwrite|__libc_pread|fdatasync"),
    ("Microsoft.Data.Sqlite and SQLitePCL", r"\[Microsoft\.Data\.Sqlite\]|\[SQLitePCL"),
    ("Npgsql", r"\[Npgsql\]"),
    ("EF Core: SaveChanges (commands, batching, key propagation)", r"EntityFrameworkCore\.Update\.|DbContext\+<SaveChanges|StateManager\+<SaveChanges|StateManager::SaveChanges"),
    ("EF Core: queries (compile-cache look-up, shaping)", r"EntityFrameworkCore\.Query\.|QueryCompiler|EntityQueryable|EntityFrameworkQueryableExtensions"),
    ("EF Core: change tracking (Add, DetectChanges, snapshots)", r"EntityFrameworkCore\.ChangeTracking\."),
    ("EF Core: transactions, connections, other", r"\[Microsoft\.EntityFrameworkCore"),
    ("outbox dispatcher (claim, record, MIME build)", r"FixIt\.Infrastructure\.Mail\.Outbox|FixIt\.Infrastructure\.Mail\.Sending"),
    ("MimeKit and MailKit", r"\[MimeKit\]|\[MailKit\]"),
    ("FluentValidation", r"\[FluentValidation\]"),
    ("email rendering and mailbox cap", r"FixIt\.Infrastructure\.Mail\."),
    ("FixIt's middleware (async state machines under it)", r"\[FixIt\.Web\] FixIt\.Web\.Infrastructure"),
    ("FixIt's own code (handler, domain, routing, tokens)", r"\[FixIt\."),
    ("Mediator pipeline", r"\[Mediator"),
    ("System.Text.Json", r"\[System\.Text\.Json\]"),
    ("SHA-256, random (OpenSSL)", r"libcrypto|System\.Security\.Cryptography"),
    ("Kestrel, sockets, pipes (HTTP/1.1 parse and write)", r"Server\.Kestrel|\[System\.Net\.Sockets\]|System\.IO\.Pipelines|SocketAsyncEngine"),
    ("ASP.NET Core middleware, routing, endpoint binding", r"\[Microsoft\.AspNetCore"),
    ("logging, OpenTelemetry, DI", r"\[Microsoft\.Extensions\.|OpenTelemetry|System\.Diagnostics\.DiagnosticSource"),
]
COMPILED = [(name, re.compile(p)) for name, p in STEPS]
BY_THREAD = [  # for samples with no step frame
    ("GC (server GC threads)", r"\.NET Server GC|\.NET BGC"),
    ("thread pool and socket engine with no step on the stack (dispatch, spin, wake, epoll)", r"\.NET TP|\.NET Sock|\.NET Long|Kestrel"),
]


def samples(lines):
    thread, frames = None, []
    for line in lines:
        if not line.strip():
            if thread is not None:
                yield thread, frames
            thread, frames = None, []
        elif not line[0].isspace():
            thread = line.split(" ")[0] if not line.startswith(".NET") else " ".join(line.split(" ")[:3])
        else:
            frames.append(line.strip())
    if thread is not None:
        yield thread, frames


def classify(thread, frames):
    for frame in frames:
        for name, pattern in COMPILED:
            if pattern.search(frame):
                return name
    if frames and "libcoreclr" in frames[0] and any("libclrgc" in f or "gc_heap" in f for f in frames):
        return "GC"
    for name, pattern in BY_THREAD:
        if re.search(pattern, thread):
            return name
    return "other (" + thread + ")"


def main():
    per_request = float(sys.argv[1]) if len(sys.argv) > 1 else None
    counts, kernel, total = Counter(), 0, 0
    for thread, frames in samples(sys.stdin):
        total += 1
        counts[classify(thread, frames)] += 1
        if frames and "kernel.kallsyms" in frames[0]:
            kernel += 1
    print(f"{total} samples; in the kernel at the leaf: {kernel / total:.1%}")
    print("| step | share |" + (" ≈ CPU per request |" if per_request else ""))
    print("|---|---:|" + ("---:|" if per_request else ""))
    for name, n in counts.most_common():
        extra = f" {per_request * n / total:.2f} ms |" if per_request else ""
        print(f"| {name} | {n / total:.1%} |{extra}")


if __name__ == "__main__":
    main()
