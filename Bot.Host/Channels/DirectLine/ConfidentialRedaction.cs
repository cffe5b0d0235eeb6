using System.Text.Json;
using Bot.Dialogs.Activities;

namespace Bot.Host.Channels.DirectLine;

/// <summary>
/// The stored form of an activity of a confidential turn (the tip line): the envelope Web Chat needs to order and
/// acknowledge it (id, timestamp, addresses, clientActivityID) and a neutral marker instead of anything said.
/// </summary>
internal static class ConfidentialRedaction
{
    public const string UserMarker = "[pesan laporan warga — tidak disimpan]";
    public const string BotMarker = "[balasan laporan warga — tidak disimpan]";

    public static Activity Redact(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var fromBot = activity.From?.Role == "bot";
        return new Activity
        {
            Type = activity.Type,
            Id = activity.Id,
            Timestamp = activity.Timestamp,
            ServiceUrl = activity.ServiceUrl,
            ChannelId = activity.ChannelId,
            From = activity.From,
            Recipient = activity.Recipient,
            Conversation = activity.Conversation,
            ReplyToId = activity.ReplyToId,
            Locale = activity.Locale,
            Text = activity.Type == ActivityTypes.Message ? (fromBot ? BotMarker : UserMarker) : null,
            ChannelData = ClientActivityIdOnly(activity.ChannelData),
        };
    }

    /// <summary>Keeps only <c>clientActivityID</c>: Web Chat matches its pending send to the echo by it.</summary>
    private static JsonElement? ClientActivityIdOnly(JsonElement? channelData) =>
        InboundActivityIds.ClientActivityId(channelData) is { } id
            ? JsonSerializer.SerializeToElement(new Dictionary<string, string?> { ["clientActivityID"] = id })
            : null;
}
