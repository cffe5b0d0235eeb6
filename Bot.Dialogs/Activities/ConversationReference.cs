namespace Bot.Dialogs.Activities;

/// <summary>What the bot must remember to write into a conversation later (spec A7550).</summary>
public sealed record ConversationReference
{
    public string? ActivityId { get; init; }
    public ChannelAccount? User { get; init; }
    public ChannelAccount? Bot { get; init; }
    public required ConversationAccount Conversation { get; init; }
    public required string ChannelId { get; init; }
    public string? ServiceUrl { get; init; }
    public string? Locale { get; init; }

    /// <summary>Addresses an outgoing activity to this conversation (protocol/botframework.md §2.1).</summary>
    public Activity ApplyTo(Activity outgoing, bool asReply = true) => outgoing with
    {
        Id = null,
        Timestamp = null,
        ChannelId = ChannelId,
        ServiceUrl = ServiceUrl,
        Conversation = Conversation,
        From = Bot,
        Recipient = User,
        ReplyToId = asReply ? ActivityId : null,
        Locale = outgoing.Locale ?? Locale,
    };
}
