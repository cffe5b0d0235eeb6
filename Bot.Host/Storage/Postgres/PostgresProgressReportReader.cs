using Bot.Dialogs.Domain;
using Bot.Dialogs.Storage;

namespace Bot.Host.Storage.Postgres;

/// <summary>The reports of a commitment, read without the change listeners (the reminder planner's view).</summary>
internal sealed class PostgresProgressReportReader(PostgresDatabase database) : IProgressReportReader
{
    public const string TableName = "progress_reports";

    private readonly DocumentTable<ProgressReport> _reports = new(database, TableName);

    public IReadOnlyList<ProgressReport> ListByCommitment(int commitmentId) =>
        _reports.Where("(doc ->> 'CommitmentId')::integer = @commitmentId", new { commitmentId });
}
