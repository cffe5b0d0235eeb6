using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Bot.Host.Channels.DirectLine;

/// <summary>
/// The id a posted activity gets, given at the POST before its turn runs (the activity is written to the log with its
/// turn, <see cref="ActivityFeed.Stage"/>). The id is the turn's idempotency key: the turn pipeline runs an activity
/// id once per conversation (<c>ConversationState.RecentActivityIds</c>, on every host).
/// </summary>
internal static class InboundActivityIds
{
    /// <summary>
    /// Web Chat (DirectLineJS) puts <c>channelData.clientActivityID</c> on every activity it posts, and keeps it when it
    /// sends the same activity again (a retry after a lost answer). The id is then derived from the conversation and that
    /// value, so the repeat is recognised on any host: <c>{conversation}|c{SHA-256 of the value, base64url}</c>. The
    /// conversation is the one the token grants, never the client's word, so a client cannot reach another
    /// conversation's keys; the hash keeps the id short whatever the client sent. Without a clientActivityID the id is
    /// new each time, as Azure's.
    /// </summary>
    public static string For(string conversationId, JsonElement? channelData) =>
        ClientActivityId(channelData) is { Length: > 0 } clientActivityId
            ? conversationId + "|c" + Base64Url.EncodeToString(SHA256.HashData(Encoding.UTF8.GetBytes(clientActivityId)))
            : conversationId + "|u" + Guid.NewGuid().ToString("N");

    /// <summary>The activity's <c>channelData.clientActivityID</c> when it is a string, or null.</summary>
    public static string? ClientActivityId(JsonElement? channelData) =>
        channelData is { ValueKind: JsonValueKind.Object } data
        && data.TryGetProperty("clientActivityID", out var id)
        && id.ValueKind == JsonValueKind.String
            ? id.GetString()
            : null;
}
