namespace Bot.Host.Channels.WhatsApp;

/// <summary>When each WhatsApp conversation last wrote to us (the 24-hour customer service window).</summary>
internal interface IServiceWindowStore
{
    /// <summary>The customer-service window, less a margin for clock skew and queueing.</summary>
    static readonly TimeSpan Window = TimeSpan.FromHours(24) - TimeSpan.FromMinutes(5);

    /// <summary>Moves the last-inbound time forward (never back: messages arrive out of order).</summary>
    void Touch(string conversationId, DateTimeOffset at);

    DateTimeOffset? LastInboundAt(string conversationId);

    bool IsOpen(string conversationId, DateTimeOffset now);
}
