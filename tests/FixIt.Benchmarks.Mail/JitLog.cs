using System.Collections.Concurrent;
using System.Diagnostics.Tracing;

namespace FixIt.Benchmarks.Mail;

/// <summary>Names of the methods the JIT compiles while enabled (runtime events, JIT keyword), for --jit-log.</summary>
internal sealed class JitLog : EventListener
{
    public ConcurrentQueue<string> Methods { get; } = new();

    public volatile bool Recording;

    protected override void OnEventSourceCreated(EventSource eventSource)
    {
        if (eventSource.Name == "Microsoft-Windows-DotNETRuntime")
        {
            EnableEvents(eventSource, EventLevel.Verbose, (EventKeywords)0x10);
        }
    }

    protected override void OnEventWritten(EventWrittenEventArgs e)
    {
        if (!Recording || e.EventName is null || !e.EventName.StartsWith("MethodLoadVerbose", StringComparison.Ordinal) || e.Payload is null)
        {
            return;
        }

        var names = e.PayloadNames!;
        string Get(string n) => names.IndexOf(n) is var i and >= 0 ? e.Payload[i]?.ToString() ?? "" : "";
        Methods.Enqueue($"{Get("MethodNamespace")}::{Get("MethodName")}");
    }
}
