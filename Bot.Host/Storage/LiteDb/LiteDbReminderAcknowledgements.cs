using System.Globalization;
using Bot.Dialogs.Domain;
using Bot.Dialogs.Storage;
using LiteDB;

namespace Bot.Host.Storage.LiteDb;

/// <summary>
/// "Sudah selesai": the fokal says the work for a period is done. Reminders for that period stop until a
/// report arrives (any report change clears the mark, so a returned report is chased again).
/// </summary>
internal sealed class LiteDbReminderAcknowledgements(SinergiDatabase database) : IReminderAcknowledgements
{
    private readonly ILiteCollection<Acknowledgement> _acks = CreateCollection(database);

    public void Record(int commitmentId, ReportingPeriod period, string userId, DateTime at) =>
        _acks.Upsert(new Acknowledgement { Id = Key(commitmentId, period), CommitmentId = commitmentId, Period = period, UserId = userId, At = at });

    public bool IsAcknowledged(int commitmentId, ReportingPeriod period) => _acks.FindById(Key(commitmentId, period)) is not null;

    public IReadOnlySet<ReportingPeriod> ForCommitment(int commitmentId) =>
        _acks.Find(a => a.CommitmentId == commitmentId).Select(a => a.Period).ToHashSet();

    public void Clear(int commitmentId, ReportingPeriod period) => _acks.Delete(Key(commitmentId, period));

    private static string Key(int commitmentId, ReportingPeriod period) =>
        string.Create(CultureInfo.InvariantCulture, $"{commitmentId}|{period}");

    private static ILiteCollection<Acknowledgement> CreateCollection(SinergiDatabase database)
    {
        var acks = database.Collection<Acknowledgement>("reminder_acks");
        acks.EnsureIndex(a => a.CommitmentId);
        return acks;
    }

    internal sealed class Acknowledgement
    {
        public string Id { get; set; } = string.Empty;
        public int CommitmentId { get; set; }
        public ReportingPeriod Period { get; set; }
        public string UserId { get; set; } = string.Empty;
        public DateTime At { get; set; }
    }
}
