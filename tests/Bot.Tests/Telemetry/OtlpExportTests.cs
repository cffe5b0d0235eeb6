using Bot.Dialogs.Telemetry;
using Bot.Tests.Host.BotFramework;
using Bot.Tests.Host.DirectLine;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Bot.Tests.Telemetry;

/// <summary>
/// With <c>Telemetry:OtlpEndpoint</c> set, the host exports over OTLP/HTTP to a loopback collector stub: Sinergi's
/// spans and metrics arrive, and nothing of the conversation (its id, the words typed) travels with them.
/// </summary>
public sealed class OtlpExportTests
{
    [Fact]
    public async Task WithoutAnEndpointNoOpenTelemetryProviderRuns()
    {
        await using var app = new BotApplication();
        _ = app.CreateClient();

        Assert.Null(app.Services.GetService<TracerProvider>());
        Assert.Null(app.Services.GetService<MeterProvider>());
    }

    [Fact]
    public async Task AnEndpointThatIsNotAnHttpUrlStopsTheStart()
    {
        await using var bot = new BotApplication();
        await using var app = bot.WithWebHostBuilder(web => web.UseSetting("Telemetry:OtlpEndpoint", "collector:4317"));

        var failure = Assert.Throws<OptionsValidationException>(() => app.CreateClient());

        Assert.Contains("Telemetry:OtlpEndpoint", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ADirectLineTurnIsExportedWithoutTheConversation()
    {
        await using var collector = await LoopbackServer.StartAsync((_, _) => Task.CompletedTask);
        await using var bot = new BotApplication();
        // UseSetting, not the factory's app configuration: Program.cs reads this key while it registers services,
        // before the factory's configuration sources are added.
        await using var app = bot.WithWebHostBuilder(web => web
            .UseSetting("Telemetry:OtlpEndpoint", collector.BaseAddress.ToString())
            .UseSetting("Telemetry:OtlpProtocol", "HttpProtobuf"));
        var http = app.CreateClient();
        using var spans = new SpanRecorder();
        http.DefaultRequestHeaders.Add("traceparent", spans.TraceParent);
        var client = new DirectLineTestClient(http);
        await client.GenerateAsync();
        await client.StartAsync();
        await client.PostMessageAsync("bantuan rahasia-4711", "client-1");
        await spans.EndedAsync(s => s.OperationName == SinergiTelemetry.ChannelSpan && (string?)s.GetTagItem(SinergiTelemetry.ChannelTag) == "directline");
        await spans.EndedAsync(s => s.Source.Name == "Microsoft.AspNetCore" && s.DisplayName.EndsWith("{conversationId}/activities", StringComparison.Ordinal));

        Assert.True(app.Services.GetRequiredService<TracerProvider>().ForceFlush());
        Assert.True(app.Services.GetRequiredService<MeterProvider>().ForceFlush());

        var traces = string.Concat(collector.Requests.Where(r => r.RawTarget == "/v1/traces").Select(r => r.Body));
        var metrics = string.Concat(collector.Requests.Where(r => r.RawTarget == "/v1/metrics").Select(r => r.Body));
        Assert.All(collector.Requests, r => Assert.Equal("application/x-protobuf", r.ContentType));
        Assert.Contains("sinergi.channel.inbound", traces, StringComparison.Ordinal);
        Assert.Contains("sinergi.turn", traces, StringComparison.Ordinal);
        Assert.Contains("sinergi.commit", traces, StringComparison.Ordinal);
        Assert.Contains("/v3/directline/conversations/{conversationId}/activities", traces, StringComparison.Ordinal);
        Assert.Contains("sinergi.turns", metrics, StringComparison.Ordinal);
        Assert.Contains("sinergi.channel.queue.depth", metrics, StringComparison.Ordinal);
        Assert.All(collector.Requests, r =>
        {
            Assert.DoesNotContain(client.ConversationId, r.Body, StringComparison.Ordinal);
            Assert.DoesNotContain("rahasia-4711", r.Body, StringComparison.Ordinal);
        });
    }
}
