using Bot.Dialogs.Domain;
using Bot.Dialogs.Storage;
using LiteDB;

namespace Bot.Host.Storage.LiteDb;

/// <summary>
/// Reads a commitment's reports straight from <c>progress_reports</c>, without the change listeners the report store
/// needs (the reminder planner asks this inside the transaction that changes a report).
/// </summary>
internal sealed class LiteDbProgressReportReader(SinergiDatabase database) : IProgressReportReader
{
    private readonly ILiteCollection<ProgressReport> _reports = database.Collection<ProgressReport>("progress_reports");

    public IReadOnlyList<ProgressReport> ListByCommitment(int commitmentId) => _reports.Find(r => r.CommitmentId == commitmentId).ToList();
}
