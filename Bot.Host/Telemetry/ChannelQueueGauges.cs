using Bot.Dialogs.Telemetry;
using Bot.Host.Channels.DirectLine;
using Bot.Host.Channels.WhatsApp;
using Microsoft.Extensions.Options;

namespace Bot.Host.Telemetry;

/// <summary>Reports the depth of the channels' queues (Direct Line turns, the WhatsApp inbox) while the host runs.</summary>
internal sealed class ChannelQueueGauges(
    SinergiTelemetry telemetry, DirectLineConversationQueue directLine, IServiceProvider services, IOptions<WhatsAppOptions> whatsApp) : IHostedService
{
    private IDisposable[] _gauges = [];

    public Task StartAsync(CancellationToken cancellationToken)
    {
        IDisposable[] gauges = whatsApp.Value.Enabled
            ? [ObserveDirectLine(), ObserveWhatsApp(services.GetRequiredService<IWhatsAppInbox>())]
            : [ObserveDirectLine()];
        Interlocked.Exchange(ref _gauges, gauges);
        return Task.CompletedTask;
    }

    /// <summary>Before the database closes: the WhatsApp gauge reads it. A host may stop twice, or while starting.</summary>
    public Task StopAsync(CancellationToken cancellationToken)
    {
        foreach (var gauge in Interlocked.Exchange(ref _gauges, []))
        {
            gauge.Dispose();
        }

        return Task.CompletedTask;
    }

    private IDisposable ObserveDirectLine() => telemetry.ObserveQueue(DirectLineChannel.ChannelId, () => directLine.Queued);

    private IDisposable ObserveWhatsApp(IWhatsAppInbox inbox) => telemetry.ObserveQueue(WhatsAppAddress.ChannelId, () => inbox.PendingCount());
}
