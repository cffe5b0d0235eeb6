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
}

/// <summary>One line per reminder message delivered; the per-user daily cap counts these.</summary>
internal interface IDeliveryLog
{
    void Add(ReminderDelivery delivery);

    /// <summary>Messages delivered to the user between the two instants (a local day's bounds given in UTC).</summary>
    int CountBetween(string userId, DateTime fromUtc, DateTime toUtc);

    /// <summary>The deliveries to these users since <paramref name="fromUtc"/>: one read for a whole sweep's daily caps.</summary>
    IReadOnlyList<ReminderDelivery> SentSince(IReadOnlyCollection<string> userIds, DateTime fromUtc);

    IReadOnlyList<ReminderDelivery> ForUser(string userId);
}

/// <summary>Reminder messages handed to a channel, between the record before their send and their "sent" mark.</summary>
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
