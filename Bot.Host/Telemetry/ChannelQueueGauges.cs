using Bot.Dialogs.Telemetry;
using Bot.Host.Channels.DirectLine;
using Bot.Host.Channels.WhatsApp;
using Microsoft.Extensions.Options;

namespace Bot.Host.Telemetry;

/// <summary>Reports the depth of the channels' queues (Direct Line turns, the WhatsApp inbox) while the host runs.</summary>
internal sealed class ChannelQueueGauges(
    SinergiTelemetry telemetry, DirectLineTurns directLine, IServiceProvider services, IOptions<WhatsAppOptions> whatsApp) : IHostedService
{
    private readonly List<IDisposable> _gauges = [];

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _gauges.Add(telemetry.ObserveQueue(DirectLineChannel.ChannelId, () => directLine.Queued));
        if (whatsApp.Value.Enabled)
        {
            var inbox = services.GetRequiredService<WhatsAppInbox>();
            _gauges.Add(telemetry.ObserveQueue(WhatsAppAddress.ChannelId, () => inbox.PendingCount()));
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        _gauges.ForEach(g => g.Dispose());
        _gauges.Clear();
        return Task.CompletedTask;
    }
}
