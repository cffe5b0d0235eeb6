using OpenTelemetry.Exporter;

namespace Bot.Host.Telemetry;

/// <summary>
/// Where traces and metrics go (configuration section <c>Telemetry</c>). Nothing leaves the process unless
/// <see cref="OtlpEndpoint"/> is set: the OTLP exporter is off by default.
/// </summary>
internal sealed class TelemetryOptions
{
    public const string SectionName = "Telemetry";

    /// <summary>The OpenTelemetry collector, e.g. <c>http://localhost:4317</c> (gRPC) or <c>http://localhost:4318</c> (HTTP).</summary>
    public string? OtlpEndpoint { get; set; }

    /// <summary><c>Grpc</c> or <c>HttpProtobuf</c>; with HTTP the signal paths (<c>v1/traces</c>, <c>v1/metrics</c>) are added to the endpoint.</summary>
    public OtlpExportProtocol OtlpProtocol { get; set; } = OtlpExportProtocol.Grpc;

    /// <summary>Headers the collector wants, as <c>key=value</c> pairs separated by commas (an API key, say).</summary>
    public string? OtlpHeaders { get; set; }

    /// <summary>The <c>service.name</c> resource attribute.</summary>
    public string ServiceName { get; set; } = "sinergi";

    /// <summary>How often metrics are sent.</summary>
    public TimeSpan MetricExportInterval { get; set; } = TimeSpan.FromSeconds(60);

    public Uri? Endpoint => Uri.TryCreate(OtlpEndpoint, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" ? uri : null;

    public bool IsValid => string.IsNullOrWhiteSpace(OtlpEndpoint) || Endpoint is not null;
}
