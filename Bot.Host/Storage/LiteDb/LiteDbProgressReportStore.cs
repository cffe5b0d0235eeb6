using Bot.Dialogs.Domain;
using Bot.Dialogs.Storage;
using LiteDB;

namespace Bot.Host.Storage.LiteDb;

/// <summary>Progress reports. Each save is one transaction that also tells the change listeners.</summary>
internal sealed class LiteDbProgressReportStore(SinergiDatabase database, TimeProvider time, IEnumerable<ICommitmentChangeListener> listeners) : IProgressReportStore
{
    private readonly ILiteCollection<ProgressReport> _reports = CreateCollection(database);
    private readonly ILiteCollection<Commitment> _commitments = database.Collection<Commitment>("commitments");
    private readonly IReadOnlyList<ICommitmentChangeListener> _listeners = listeners.ToList();

    /// <summary>Inserts or updates the report; refuses to change an approved (locked) report.</summary>
    public ProgressReport Save(ProgressReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return database.InTransaction(() =>
        {
            var now = time.GetUtcNow().UtcDateTime;
            if (report.Id == 0)
            {
                report.CreatedAt = now;
                report.UpdatedAt = now;
                _reports.Insert(report);
            }
            else
            {
                var stored = _reports.FindById(report.Id);
                if (stored is { IsLocked: true })
                {
                    throw new InvalidOperationException($"Report {report.Id} is approved and locked.");
                }

                report.UpdatedAt = now;
                _reports.Update(report);
            }

            var commitment = _commitments.FindById(report.CommitmentId)
                ?? throw new InvalidOperationException($"Commitment {report.CommitmentId} does not exist.");
            foreach (var listener in _listeners)
            {
                listener.ReportChanged(report, commitment);
            }

            return report;
        });
    }

    public ProgressReport? Get(int id) => _reports.FindById(id);

    public ProgressReport? Find(int commitmentId, ReportingPeriod period) =>
        _reports.FindOne(r => r.CommitmentId == commitmentId && r.Period == period);

    public IReadOnlyList<ProgressReport> ListByCommitment(int commitmentId) =>
        _reports.Find(r => r.CommitmentId == commitmentId).ToList();

    public IReadOnlyList<ProgressReport> ListByState(ReportState state) =>
        _reports.Find(r => r.State == state).OrderBy(r => r.SubmittedAt).ToList();

    public IReadOnlyList<ProgressReport> ListByOrganisation(int organisationId) =>
        _reports.Find(r => r.OrganisationId == organisationId).ToList();

    public IReadOnlyList<ProgressReport> ListAll() => _reports.FindAll().ToList();

    private static ILiteCollection<ProgressReport> CreateCollection(SinergiDatabase database)
    {
        var reports = database.Collection<ProgressReport>("progress_reports");
        reports.EnsureIndex(r => r.CommitmentId);
        reports.EnsureIndex(r => r.OrganisationId);
        reports.EnsureIndex(r => r.State);
        return reports;
    }
}
