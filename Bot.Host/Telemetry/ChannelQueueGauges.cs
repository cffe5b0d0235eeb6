using Bot.Dialogs.Engine;
using Bot.Dialogs.Telemetry;
using Bot.Host.Channels.WhatsApp;
using Microsoft.Extensions.Options;

namespace Bot.Host.Telemetry;

/// <summary>Reports the depth of the queues while the host runs: the turn pipeline's conversation lines (turns and proactive messages waiting, all channels) and the WhatsApp inbox.</summary>
internal sealed class ChannelQueueGauges(
    SinergiTelemetry telemetry, ConversationSequencer conversations, IServiceProvider services, IOptions<WhatsAppOptions> whatsApp) : IHostedService
{
    /// <summary>The channel tag of the turn pipeline's lines, which hold the work of every channel.</summary>
    public const string ConversationsTag = "conversations";

    private IDisposable[] _gauges = [];

    public Task StartAsync(CancellationToken cancellationToken)
    {
        IDisposable[] gauges = whatsApp.Value.Enabled
            ? [ObserveConversations(), ObserveWhatsApp(services.GetRequiredService<IWhatsAppInbox>())]
            : [ObserveConversations()];
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

    private IDisposable ObserveConversations() => telemetry.ObserveQueue(ConversationsTag, () => conversations.Queued);

    private IDisposable ObserveWhatsApp(IWhatsAppInbox inbox) => telemetry.ObserveQueue(WhatsAppAddress.ChannelId, () => inbox.PendingCount());
}
