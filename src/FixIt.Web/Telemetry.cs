using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace FixIt.Web;

internal static class Telemetry
{
    /// <summary>Activity source and meter names of FixIt's own spans and instruments.</summary>
    public const string SourceName = "FixIt";

    /// <summary>
    /// Traces and metrics through OpenTelemetry; exported over OTLP only when an endpoint is configured
    /// (OTEL_EXPORTER_OTLP_ENDPOINT), so a newcomer's run sends nothing anywhere. Logs are JSON lines
    /// outside Development, for log collectors.
    /// </summary>
    public static WebApplicationBuilder AddFixItTelemetry(this WebApplicationBuilder builder)
    {
        if (!builder.Environment.IsDevelopment())
        {
            builder.Logging.AddJsonConsole(o => o.UseUtcTimestamp = true);
        }

        var otlp = !string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]);
        var otel = builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService("fixit"))
            .WithTracing(t => t.AddSource(SourceName).AddAspNetCoreInstrumentation().AddHttpClientInstrumentation())
            .WithMetrics(m => m.AddMeter(SourceName).AddAspNetCoreInstrumentation().AddHttpClientInstrumentation().AddRuntimeInstrumentation());
        if (otlp)
        {
            otel.UseOtlpExporter();
            builder.Logging.AddOpenTelemetry(o => o.IncludeScopes = true);
        }

        return builder;
    }
}
