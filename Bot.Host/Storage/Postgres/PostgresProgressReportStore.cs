using Bot.Dialogs.Domain;
using Bot.Dialogs.Storage;

namespace Bot.Host.Storage.Postgres;

/// <summary>Progress reports. Saving locks the stored row and tells the change listeners in the same transaction.</summary>
internal sealed class PostgresProgressReportStore(PostgresDatabase database, TimeProvider time, IEnumerable<ICommitmentChangeListener> listeners) : IProgressReportStore
{
    private readonly DocumentTable<ProgressReport> _reports = new(database, PostgresProgressReportReader.TableName);
    private readonly DocumentTable<Commitment> _commitments = new(database, "commitments");
    private readonly PostgresProgressReportReader _reader = new(database);
    private readonly IReadOnlyList<ICommitmentChangeListener> _listeners = listeners.ToList();

    public ProgressReport Save(ProgressReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return database.Transactions.Run(() =>
        {
            var now = time.GetUtcNow().UtcDateTime;
            if (report.Id == 0)
            {
                report.Id = _reports.NextId();
                report.CreatedAt = now;
                report.UpdatedAt = now;
                _reports.Insert(report.Id, report);
            }
            else
            {
                if (_reports.GetForUpdate(report.Id) is { IsLocked: true })
                {
                    throw new InvalidOperationException($"Report {report.Id} is approved and locked.");
                }

                report.UpdatedAt = now;
                _reports.Upsert(report.Id, report);
            }

            var commitment = _commitments.Get(report.CommitmentId)
                ?? throw new InvalidOperationException($"Commitment {report.CommitmentId} does not exist.");
            foreach (var listener in _listeners)
            {
                listener.ReportChanged(report, commitment);
            }

            return report;
        });
    }

    public ProgressReport? Get(int id) => _reports.Get(id);

    public ProgressReport? Find(int commitmentId, ReportingPeriod period) =>
        _reports.First("(doc ->> 'CommitmentId')::integer = @commitmentId and doc ->> 'Period' = @period", new { commitmentId, period = period.ToString() });

    public IReadOnlyList<ProgressReport> ListByCommitment(int commitmentId) => _reader.ListByCommitment(commitmentId);

    public IReadOnlyList<ProgressReport> ListByState(ReportState state) =>
        _reports.Where("doc ->> 'State' = @state", new { state = state.ToString() }).OrderBy(r => r.SubmittedAt).ToList();

    public IReadOnlyList<ProgressReport> ListByOrganisation(int organisationId) =>
        _reports.Where("(doc ->> 'OrganisationId')::integer = @organisationId", new { organisationId });

    public IReadOnlyList<ProgressReport> ListAll() => _reports.All();
}
