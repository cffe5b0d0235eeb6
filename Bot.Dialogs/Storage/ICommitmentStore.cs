using Bot.Dialogs.Domain;

namespace Bot.Dialogs.Storage;

/// <summary>
/// Commitments, their version history and the code sequence of each plan year. Every change is one transaction that
/// also writes the version and tells the <see cref="ICommitmentChangeListener"/>s (the reminder outbox), so they
/// never drift apart.
/// </summary>
public interface ICommitmentStore
{
    /// <summary>
    /// Saves a new commitment with the next code of its year (RA-2027-001, RA-2027-002, …). With a
    /// <paramref name="requestKey"/> (the activity that asked), a repeat of the same request returns the commitment
    /// it saved the first time.
    /// </summary>
    Commitment Register(Commitment commitment, string userId, string? requestKey = null);

    /// <summary>Applies a change made by <paramref name="change"/> and records it as a new version.</summary>
    Commitment Change(int id, string field, Action<Commitment> change, Func<Commitment, string?> describe, string userId);

    Commitment? Get(int id);

    Commitment? FindByCode(string code);

    IReadOnlyList<Commitment> ListByOrganisation(int organisationId, int? year = null);

    IReadOnlyList<Commitment> ListAll(int? year = null);

    IReadOnlyList<CommitmentVersion> History(int commitmentId);
}
