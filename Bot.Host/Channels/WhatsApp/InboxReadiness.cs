namespace Bot.Host.Channels.WhatsApp;

/// <summary>
/// When a conversation's pending messages may run (<see cref="IWhatsAppInbox.ReadyConversations"/>): once it has been
/// quiet for the reorder window (or has waited five windows, so a chatty user is not starved), and not before its
/// first message's next attempt. Both inbox adapters decide with this.
/// </summary>
internal static class InboxReadiness
{
    /// <summary>The pending messages of one conversation, summed up: first and last arrival, the next attempt of the first in order.</summary>
    public readonly record struct PendingSummary(string ConversationId, long FirstReceivedAtMs, long LastReceivedAtMs, long FirstNextAttemptAtMs);

    public static long DueAtMs(PendingSummary pending, TimeSpan reorderWindow)
    {
        var windowMs = (long)reorderWindow.TotalMilliseconds;
        var quiet = Math.Min(pending.LastReceivedAtMs + windowMs, pending.FirstReceivedAtMs + (5 * windowMs));
        return Math.Max(quiet, pending.FirstNextAttemptAtMs);
    }

    /// <summary>The conversations due now, and the earliest time one of the others is due (<paramref name="notBefore"/>: a conversation another host holds waits at least until then).</summary>
    public static (IReadOnlyList<string> Ready, DateTimeOffset? NextCheck) Split(
        IEnumerable<PendingSummary> pending, DateTimeOffset now, TimeSpan reorderWindow, Func<string, long?>? notBefore = null)
    {
        ArgumentNullException.ThrowIfNull(pending);
        var nowMs = now.ToUnixTimeMilliseconds();
        var ready = new List<string>();
        long? next = null;
        foreach (var conversation in pending)
        {
            var due = DueAtMs(conversation, reorderWindow);
            if (notBefore?.Invoke(conversation.ConversationId) is { } held && held > due)
            {
                due = held;
            }

            if (due <= nowMs)
            {
                ready.Add(conversation.ConversationId);
            }
            else
            {
                next = next is null ? due : Math.Min(next.Value, due);
            }
        }

        return (ready, next is null ? null : DateTimeOffset.FromUnixTimeMilliseconds(next.Value));
    }
}
