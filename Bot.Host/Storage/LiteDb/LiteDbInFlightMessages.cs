using Bot.Dialogs.Reminders;
using Bot.Dialogs.Storage;
using LiteDB;

namespace Bot.Host.Storage.LiteDb;

/// <summary>
/// The in-flight reminder messages (<see cref="InFlightMessages"/>): one document per batch the sweep recorded in
/// <c>reminder_in_flight_batches</c>, so recording a few hundred messages is one write rather than one each
/// (BENCHMARKS.md, "Reminders", session 10). Records written one per message before that change stay readable in
/// <c>reminder_in_flight</c>.
/// </summary>
/// <remarks>
/// The collections hold only the batches of the running sweep, plus any a crash or a failed send left, so they are
/// read whole rather than indexed.
/// </remarks>
internal sealed class LiteDbInFlightMessages(SinergiDatabase database) : IInFlightMessages
{
    public const string CollectionName = "reminder_in_flight_batches";

    /// <summary>One document per message, as databases written before the batches hold them.</summary>
    public const string SingleMessagesCollectionName = "reminder_in_flight";

    private readonly ILiteCollection<InFlightBatch> _batches = database.Collection<InFlightBatch>(CollectionName);
    private readonly ILiteCollection<InFlightMessage> _single = database.Collection<InFlightMessage>(SingleMessagesCollectionName);

    public void Put(IReadOnlyList<InFlightMessage> batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        if (batch.Count > 0)
        {
            _batches.Insert(new InFlightBatch { Id = Guid.NewGuid().ToString("N"), Messages = [.. batch] });
        }
    }

    public bool Remove(string messageId) => RemoveAll([messageId]) > 0;

    /// <summary>Rewrites (or deletes, once empty) each batch that holds one of the messages, in one transaction.</summary>
    public int RemoveAll(IReadOnlyCollection<string> messageIds)
    {
        ArgumentNullException.ThrowIfNull(messageIds);
        if (messageIds.Count == 0)
        {
            return 0;
        }

        var ids = messageIds as IReadOnlySet<string> ?? messageIds.ToHashSet(StringComparer.Ordinal);
        return database.InTransaction(() =>
        {
            var removed = ids.Where(id => _single.Delete(id)).ToHashSet(StringComparer.Ordinal);
            foreach (var batch in _batches.FindAll().ToList())
            {
                var kept = batch.Messages.Where(m => !ids.Contains(m.Id)).ToList();
                if (kept.Count == batch.Messages.Count)
                {
                    continue;
                }

                removed.UnionWith(batch.Messages.Select(m => m.Id).Where(ids.Contains));
                if (kept.Count == 0)
                {
                    _batches.Delete(batch.Id);
                }
                else
                {
                    batch.Messages = kept;
                    _batches.Update(batch);
                }
            }

            return removed.Count;
        });
    }

    /// <summary>Every record, each message once (a message sent again was recorded again: its latest record wins).</summary>
    public IReadOnlyList<InFlightMessage> All() => _single.FindAll()
        .Concat(_batches.FindAll().SelectMany(b => b.Messages))
        .GroupBy(m => m.Id, StringComparer.Ordinal)
        .Select(g => g.MaxBy(m => m.CreatedAt)!)
        .ToList();
}

/// <summary>The messages one sweep recorded together before sending them.</summary>
internal sealed class InFlightBatch
{
    public string Id { get; set; } = string.Empty;

    public List<InFlightMessage> Messages { get; set; } = [];
}
