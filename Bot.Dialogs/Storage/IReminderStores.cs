using Bot.Dialogs.Domain;
using Bot.Dialogs.Reminders;

namespace Bot.Dialogs.Storage;

/// <summary>
/// The reminder outbox (DESIGN.md decision 5). The idempotency key is the row's id, so a second row for the same key
/// is refused; the sweep asks only for rows whose <see cref="ReminderItem.WakeAt"/> has come.
/// </summary>
internal interface IReminderOutbox
{
    ReminderItem? Get(string key);

    /// <summary>Inserts the row unless its key exists; false when it did (the key was used before).</summary>
    bool TryAdd(ReminderItem item);

    void Update(ReminderItem item);

    void Update(IEnumerable<ReminderItem> items);

    int InsertBulk(IEnumerable<ReminderItem> items);

    /// <summary>
    /// Inserts a commitment's newly planned rows without looking each key up first: the caller read every row of
    /// that commitment in this same transaction (<see cref="ForCommitment"/>; a key names its commitment) and passes
    /// only keys it did not find. A key used anyway, by a concurrent writer, is never stored twice: PostgreSQL skips
    /// it, LiteDB's unit of work fails its commit as stale. Returns how many rows were inserted.
    /// </summary>
    int AddNew(IReadOnlyList<ReminderItem> items);

    bool Delete(string key);

    IReadOnlyList<ReminderItem> ForCommitment(int commitmentId);

    IReadOnlyList<ReminderItem> ForRecipient(string recipientId);

    /// <summary>Pending rows that are due and sending rows whose lease ran out, oldest first.</summary>
    IReadOnlyList<ReminderItem> FindAwake(DateTime now, int limit);

    /// <summary>Sending rows whose lease has not run out yet.</summary>
    IReadOnlyList<ReminderItem> FindLeased(DateTime now, TimeSpan leaseDuration);

    /// <summary>
    /// The rows of <paramref name="keys"/> as stored now, read for a claim inside the open transaction and held until
    /// it ends. A row another process is claiming at this moment is left out rather than waited for (PostgreSQL:
    /// <c>FOR UPDATE SKIP LOCKED</c>), so several hosts never claim the same row.
    /// </summary>
    IReadOnlyList<ReminderItem> GetForClaim(IReadOnlyList<string> keys);

    /// <summary>
    /// Gets the rows waking up to <paramref name="until"/> ready for the sweep, ahead of time and in bulk (the LiteDB
    /// adapter moves them from the planned rows into its small hot set); returns how many moved. Where a row is kept
    /// never changes what the other calls return.
    /// </summary>
    int Stage(DateTime until);

    /// <summary>
    /// Whether other hosts may sweep this outbox at the same time (PostgreSQL). Then a lease found when this process
    /// starts may be a live host's, and it is left to run out rather than taken over at once.
    /// </summary>
    bool SharedByHosts { get; }

    IReadOnlyList<ReminderItem> All();

    int Count();

    /// <summary>
    /// Records a sweep's claim of <paramref name="rows"/>, which the caller has already changed to sending (claim id,
    /// claim time, lease as <see cref="ReminderItem.WakeAt"/>), inside the open transaction. Here: each row written.
    /// The LiteDB adapter writes one claim document for them all and lays it over the rows in every read.
    /// </summary>
    void Claim(IReadOnlyList<ReminderItem> rows) => Update(rows);

    /// <summary>
    /// Records the claim of <paramref name="rows"/> (as <see cref="Claim(IReadOnlyList{ReminderItem})"/>) together with
    /// the messages composed for them before the claim: what a crash leaves in flight, to be sent again as it was.
    /// True when the outbox keeps them with the claim, read back through <see cref="IInFlightMessages"/> (LiteDB: in the
    /// claim document, nothing written per message). Here false: the caller records each with
    /// <see cref="IInFlightMessages.Put"/> in the same transaction.
    /// </summary>
    bool Claim(IReadOnlyList<ReminderItem> rows, IReadOnlyList<InFlightMessage> messages)
    {
        Claim(rows);
        return false;
    }

    /// <summary>
    /// Writes a row the claim <paramref name="claimId"/> held and now lets go (deferred, retrying, failed, released):
    /// the caller read it as held by that claim and changed it.
    /// </summary>
    void UpdateClaimed(ReminderItem row, string claimId) => Update(row);

    /// <summary>
    /// Marks the rows of messages a channel accepted as sent, each only while <paramref name="claimId"/> still holds it,
    /// inside the open transaction; returns the keys left as they were because the claim no longer held them.
    /// Here: each row read again and written.
    /// </summary>
    IReadOnlyList<string> MarkSent(IReadOnlyList<SentMessage> messages, string claimId)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var lost = new List<string>();
        foreach (var message in messages)
        {
            foreach (var key in message.Keys)
            {
                if (Get(key) is not { Status: ReminderStatus.Sending } row || row.ClaimId != claimId)
                {
                    lost.Add(key);
                    continue;
                }

                message.ApplyTo(row);
                Update(row);
            }
        }

        return lost;
    }

    /// <summary>
    /// Finishes in bulk what claims left laid over the rows (the LiteDB adapter: sent rows written and moved to the
    /// history, claim documents dropped); called when a sweep finds nothing due. Returns how many rows it finished.
    /// </summary>
    int Settle() => 0;
}

/// <summary>One line per reminder message delivered; the per-user daily cap counts these.</summary>
internal interface IDeliveryLog
{
    void Add(ReminderDelivery delivery);

    /// <summary>The deliveries of one group commit of "sent" marks (the LiteDB adapter writes them as one document).</summary>
    void AddAll(IReadOnlyList<ReminderDelivery> deliveries)
    {
        ArgumentNullException.ThrowIfNull(deliveries);
        foreach (var delivery in deliveries)
        {
            Add(delivery);
        }
    }

    /// <summary>Messages delivered to the user between the two instants (a local day's bounds given in UTC).</summary>
    int CountBetween(string userId, DateTime fromUtc, DateTime toUtc);

    /// <summary>The deliveries to these users since <paramref name="fromUtc"/>: one read for a whole sweep's daily caps.</summary>
    IReadOnlyList<ReminderDelivery> SentSince(IReadOnlyCollection<string> userIds, DateTime fromUtc);

    IReadOnlyList<ReminderDelivery> ForUser(string userId);
}

/// <summary>
/// Reminder messages handed to a channel, between the record before their send (with their claim,
/// <see cref="IReminderOutbox.Claim(IReadOnlyList{ReminderItem}, IReadOnlyList{InFlightMessage})"/>) and their "sent" mark.
/// </summary>
internal interface IInFlightMessages
{
    void Put(InFlightMessage message);

    bool Remove(string messageId);

    IReadOnlyList<InFlightMessage> All();
}

/// <summary>"Sudah selesai" marks: a fokal said the work of a period is done.</summary>
internal interface IReminderAcknowledgements
{
    void Record(int commitmentId, ReportingPeriod period, string userId, DateTime at);

    bool IsAcknowledged(int commitmentId, ReportingPeriod period);

    IReadOnlySet<ReportingPeriod> ForCommitment(int commitmentId);

    void Clear(int commitmentId, ReportingPeriod period);
}

/// <summary>The coordinators' nudges ("ingatkan"), keyed by the outbox row each one queued.</summary>
internal interface INudgeLog
{
    void Add(NudgeRecord nudge);

    NudgeRecord? Find(string key);

    IReadOnlyList<NudgeRecord> ListByCoordinator(string coordinatorId);
}
