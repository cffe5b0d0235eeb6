using System.Globalization;
using Bot.Dialogs.Domain;
using Bot.Dialogs.Reminders;
using Bot.Dialogs.Storage;
using Dapper;

namespace Bot.Host.Storage.Postgres;

/// <summary>One line per reminder message delivered (the per-user daily cap counts them).</summary>
internal sealed class PostgresDeliveryLog(PostgresDatabase database) : IDeliveryLog
{
    private readonly DocumentTable<ReminderDelivery> _deliveries = new(database, "reminder_deliveries");

    public void Add(ReminderDelivery delivery)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        database.Use((c, t) => c.Execute(
            "insert into reminder_deliveries (id, user_id, sent_at, doc) values (@Id, @UserId, @SentAt, @Json::jsonb)",
            new { delivery.Id, delivery.UserId, SentAt = delivery.SentAt.Ticks, Json = DocumentTable<ReminderDelivery>.Serialise(delivery) },
            t));
    }

    public int CountBetween(string userId, DateTime fromUtc, DateTime toUtc) =>
        _deliveries.Count("user_id = @userId and sent_at >= @from and sent_at < @to", new { userId, from = fromUtc.Ticks, to = toUtc.Ticks });

    public IReadOnlyList<ReminderDelivery> SentSince(IReadOnlyCollection<string> userIds, DateTime fromUtc)
    {
        ArgumentNullException.ThrowIfNull(userIds);
        return _deliveries.Where("user_id = any(@userIds) and sent_at >= @from", new { userIds = userIds.ToArray(), from = fromUtc.Ticks }, orderBy: "sent_at");
    }

    public IReadOnlyList<ReminderDelivery> ForUser(string userId) => _deliveries.Where("user_id = @userId", new { userId }, orderBy: "sent_at");
}

/// <summary>Reminder messages handed to a channel without a transcript here, between their send and their mark.</summary>
internal sealed class PostgresInFlightMessages(PostgresDatabase database) : IInFlightMessages
{
    private readonly DocumentTable<InFlightMessage> _messages = new(database, "reminder_in_flight");

    public void Put(InFlightMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        _messages.Upsert(message.Id, message);
    }

    public bool Remove(string messageId) => _messages.Delete(messageId);

    public IReadOnlyList<InFlightMessage> All() => _messages.All();
}

/// <summary>"Sudah selesai" marks, one per commitment and period.</summary>
internal sealed class PostgresReminderAcknowledgements(PostgresDatabase database) : IReminderAcknowledgements
{
    private readonly DocumentTable<Acknowledgement> _acks = new(database, "reminder_acks");

    public void Record(int commitmentId, ReportingPeriod period, string userId, DateTime at) =>
        _acks.Upsert(Key(commitmentId, period), new Acknowledgement { CommitmentId = commitmentId, Period = period, UserId = userId, At = at });

    public bool IsAcknowledged(int commitmentId, ReportingPeriod period) => _acks.Get(Key(commitmentId, period)) is not null;

    public IReadOnlySet<ReportingPeriod> ForCommitment(int commitmentId) =>
        _acks.Where("(doc ->> 'CommitmentId')::integer = @commitmentId", new { commitmentId }).Select(a => a.Period).ToHashSet();

    public void Clear(int commitmentId, ReportingPeriod period) => _acks.Delete(Key(commitmentId, period));

    private static string Key(int commitmentId, ReportingPeriod period) => string.Create(CultureInfo.InvariantCulture, $"{commitmentId}|{period}");

    internal sealed class Acknowledgement
    {
        public int CommitmentId { get; set; }
        public ReportingPeriod Period { get; set; }
        public string UserId { get; set; } = string.Empty;
        public DateTime At { get; set; }
    }
}

/// <summary>The coordinators' nudges, keyed by the outbox row each queued.</summary>
internal sealed class PostgresNudgeLog(PostgresDatabase database) : INudgeLog
{
    private readonly DocumentTable<NudgeRecord> _nudges = new(database, "nudges");

    public void Add(NudgeRecord nudge)
    {
        ArgumentNullException.ThrowIfNull(nudge);
        _nudges.Insert(nudge.Id, nudge);
    }

    public NudgeRecord? Find(string key) => _nudges.Get(key);

    public IReadOnlyList<NudgeRecord> ListByCoordinator(string coordinatorId) =>
        _nudges.Where("doc ->> 'CoordinatorId' = @coordinatorId", new { coordinatorId });
}
