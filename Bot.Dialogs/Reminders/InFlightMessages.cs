using System.Security.Cryptography;
using System.Text;

namespace Bot.Dialogs.Reminders;

/// <summary>
/// Reminder messages handed to a channel, written before the send and removed with the "sent" mark (on Direct
/// Line in the transaction that stores the message, elsewhere after the channel accepted). A record that outlives its sweep (a crash, a failed send) says
/// which rows went out together and under which id, so the next attempt sends that same message again under
/// that same id instead of folding its rows into a new one: a receiver that de-duplicates by the id
/// (<c>channelData.clientActivityID</c>, as Web Chat does; <c>biz_opaque_callback_data</c> on WhatsApp) then shows it once.
/// </summary>
internal static class InFlightMessages
{
    /// <summary>
    /// The id of the message that carries these rows: derived from their idempotency keys only, so the same rows
    /// always get the same id, whichever process composes the message.
    /// </summary>
    public static string StableId(IEnumerable<ReminderItem> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var keys = string.Join('\n', rows.Select(r => r.Id).Order(StringComparer.Ordinal));
        return "rem-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(keys)).AsSpan(0, 16));
    }
}

/// <summary>One reminder message that may have reached its channel without being marked sent.</summary>
internal sealed class InFlightMessage
{
    /// <summary>The stable message id (<see cref="InFlightMessages.StableId"/>).</summary>
    public string Id { get; set; } = string.Empty;

    public string RecipientId { get; set; } = string.Empty;

    /// <summary>The outbox keys of the rows the message carries.</summary>
    public List<string> Keys { get; set; } = [];

    /// <summary>"single", "folded", "catch-up" or "digest": how the message is composed again.</summary>
    public string Shape { get; set; } = string.Empty;

    public string ConversationKey { get; set; } = string.Empty;

    public DateTime CreatedAt { get; set; }
}
