using System.Text.Json;
using System.Text.Json.Serialization;

namespace Bot.Dialogs.Activities;

/// <summary>
/// A Bot Framework activity (protocol/botframework.md §1). Loosely typed where the schema is open:
/// <see cref="Value"/>, <see cref="ChannelData"/> and <see cref="Entities"/> stay raw JSON, and unknown
/// fields round-trip through <see cref="Extra"/> (rule A2005).
/// </summary>
public sealed record Activity
{
    public string? Type { get; init; }
    public string? Id { get; init; }

    [JsonConverter(typeof(UtcTimestampConverter))]
    public DateTimeOffset? Timestamp { get; init; }

    public string? LocalTimestamp { get; init; }
    public string? LocalTimezone { get; init; }
    public string? ServiceUrl { get; init; }
    public string? ChannelId { get; init; }
    public ChannelAccount? From { get; init; }
    public ChannelAccount? Recipient { get; init; }
    public ConversationAccount? Conversation { get; init; }
    public string? ReplyToId { get; init; }
    public IReadOnlyList<JsonElement>? Entities { get; init; }
    public JsonElement? ChannelData { get; init; }
    public string? CallerId { get; init; }
    public string? Locale { get; init; }
    public string? Text { get; init; }
    public string? TextFormat { get; init; }
    public string? Speak { get; init; }
    public string? InputHint { get; init; }
    public string? Summary { get; init; }
    public IReadOnlyList<Attachment>? Attachments { get; init; }
    public string? AttachmentLayout { get; init; }
    public SuggestedActions? SuggestedActions { get; init; }
    public JsonElement? Value { get; init; }
    public string? Name { get; init; }
    public ConversationReference? RelatesTo { get; init; }
    public string? DeliveryMode { get; init; }
    public IReadOnlyList<ChannelAccount>? MembersAdded { get; init; }
    public IReadOnlyList<ChannelAccount>? MembersRemoved { get; init; }
    public string? Code { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; init; }

    /// <summary>The reference that lets the bot answer in this conversation later (proactive messages).</summary>
    public ConversationReference GetConversationReference() => new()
    {
        // Direct Line never shows the client a conversationUpdate, so replies to it must not point at it
        // (protocol/botframework.md §1.2): leave the activity id out.
        ActivityId = Type == ActivityTypes.ConversationUpdate ? null : Id,
        User = From,
        Bot = Recipient,
        Conversation = Conversation ?? throw new InvalidOperationException("An activity without a conversation has no reference."),
        ChannelId = ChannelId ?? throw new InvalidOperationException("An activity without a channel id has no reference."),
        ServiceUrl = ServiceUrl,
        Locale = Locale,
    };

    /// <summary>Creates a message that answers this activity, with the addressing fields swapped (§2.1).</summary>
    public Activity CreateReply(string? text = null) => GetConversationReference().ApplyTo(new Activity
    {
        Type = ActivityTypes.Message,
        Text = text,
        TextFormat = "markdown",
    });
}
