using Bot.Dialogs.Telemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Bot.Host.Telemetry;

/// <summary>
/// Wires Sinergi's ActivitySource and Meter (<see cref="SinergiTelemetry"/>) to OpenTelemetry. The SDK, the HTTP
/// instrumentations and the OTLP exporter are added only when <c>Telemetry:OtlpEndpoint</c> is set; otherwise
/// nothing listens and a span costs nothing.
/// </summary>
internal static class TelemetryServiceCollectionExtensions
{
    public static IServiceCollection AddSinergiTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(TelemetryOptions.SectionName);
        services.AddOptions<TelemetryOptions>()
            .Bind(section)
            .Validate(o => o.IsValid, "Telemetry:OtlpEndpoint must be an absolute http(s) URL, or empty to keep the exporter off.")
            .ValidateOnStart();
        services.AddHostedService<ChannelQueueGauges>();

        var options = section.Get<TelemetryOptions>() ?? new TelemetryOptions();
        if (options.Endpoint is not { } endpoint)
        {
            return services;
        }

        services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(options.ServiceName))
            .WithTracing(tracing => tracing
                .AddSource(SinergiTelemetry.Name)
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddProcessor(new TelemetryPrivacyProcessor())
                .AddOtlpExporter(exporter => Export(exporter, options, endpoint, "v1/traces")))
            .WithMetrics(metrics => metrics
                .AddMeter(SinergiTelemetry.Name, "Polly")
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddOtlpExporter((exporter, reader) =>
                {
                    Export(exporter, options, endpoint, "v1/metrics");
                    reader.PeriodicExportingMetricReaderOptions.ExportIntervalMilliseconds = (int)options.MetricExportInterval.TotalMilliseconds;
                }));
        return services;
    }

    private static void Export(OtlpExporterOptions exporter, TelemetryOptions options, Uri endpoint, string signalPath)
    {
        exporter.Protocol = options.OtlpProtocol;
        // With HTTP the exporter posts to the URL as given, so each signal gets its own path (OTLP/HTTP spec).
        exporter.Endpoint = options.OtlpProtocol == OtlpExportProtocol.HttpProtobuf
            ? new Uri(endpoint.AbsoluteUri.TrimEnd('/') + "/" + signalPath)
            : endpoint;
        if (!string.IsNullOrWhiteSpace(options.OtlpHeaders))
        {
            exporter.Headers = options.OtlpHeaders;
        }
    }
}
