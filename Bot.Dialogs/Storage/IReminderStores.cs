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

    bool Delete(string key);

    IReadOnlyList<ReminderItem> ForCommitment(int commitmentId);

    IReadOnlyList<ReminderItem> ForRecipient(string recipientId);

    /// <summary>Pending rows that are due and sending rows whose lease ran out, oldest first.</summary>
    IReadOnlyList<ReminderItem> FindAwake(DateTime now, int limit);

    /// <summary>Sending rows whose lease has not run out yet.</summary>
    IReadOnlyList<ReminderItem> FindLeased(DateTime now, TimeSpan leaseDuration);

    IReadOnlyList<ReminderItem> All();

    int Count();
}

/// <summary>One line per reminder message delivered; the per-user daily cap counts these.</summary>
internal interface IDeliveryLog
{
    void Add(ReminderDelivery delivery);

    /// <summary>Messages delivered to the user between the two instants (a local day's bounds given in UTC).</summary>
    int CountBetween(string userId, DateTime fromUtc, DateTime toUtc);

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
