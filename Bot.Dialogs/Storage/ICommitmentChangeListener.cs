using Bot.Dialogs.Domain;

namespace Bot.Dialogs.Storage;

/// <summary>
/// Told about every change of a commitment or report INSIDE the transaction that makes it, so that derived
/// data (the reminder outbox) commits or rolls back together with the change (DESIGN.md decision 5).
/// Implementations must be synchronous and write only through the store ports (they join the change's transaction).
/// </summary>
public interface ICommitmentChangeListener
{
    void CommitmentChanged(Commitment commitment);

    void ReportChanged(ProgressReport report, Commitment commitment);
}
