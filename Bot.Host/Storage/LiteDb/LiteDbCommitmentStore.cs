using System.Globalization;
using Bot.Dialogs.Domain;
using Bot.Dialogs.Storage;
using LiteDB;

namespace Bot.Host.Storage.LiteDb;

/// <summary>
/// Commitments and their version history. Every change is one transaction that also writes the version and
/// tells the <see cref="ICommitmentChangeListener"/>s (the reminder outbox) so they never drift apart.
/// </summary>
internal sealed class LiteDbCommitmentStore(SinergiDatabase database, TimeProvider time, IEnumerable<ICommitmentChangeListener> listeners) : ICommitmentStore
{
    private readonly ILiteCollection<Commitment> _commitments = CreateCollection(database);
    private readonly ILiteCollection<CommitmentVersion> _versions = database.Collection<CommitmentVersion>("commitment_versions");
    private readonly ILiteCollection<CodeSequence> _sequences = database.Collection<CodeSequence>("commitment_code_sequences");
    private readonly IReadOnlyList<ICommitmentChangeListener> _listeners = listeners.ToList();

    /// <summary>
    /// Saves a new commitment with the next code of its year (RA-2027-001, RA-2027-002, …). With a
    /// <paramref name="requestKey"/> (the activity that asked), a repeat of the same request returns the commitment
    /// it saved the first time: the turn's own commit comes after this one, and a crash in between makes the
    /// channel resend the activity.
    /// </summary>
    /// <remarks>
    /// Reading the counter and inserting must not interleave with another registration, or two fokal confirming at
    /// once get the same code (found by the load benchmark). The transaction guarantees it: SerializedLiteEngine
    /// holds the engine for a whole transaction. No lock of our own: the shared commit runs this on its writer while
    /// it holds the engine, and a second lock taken in the other order by a direct caller would deadlock.
    /// </remarks>
    public Commitment Register(Commitment commitment, string userId, string? requestKey = null)
    {
        ArgumentNullException.ThrowIfNull(commitment);
        return RegisterInTransaction(commitment, userId, requestKey);
    }

    private Commitment RegisterInTransaction(Commitment commitment, string userId, string? requestKey) =>
        database.InTransaction(() =>
        {
            if (requestKey is not null && _commitments.FindOne(c => c.RequestKey == requestKey) is { } earlier)
            {
                return earlier;
            }

            var now = time.GetUtcNow().UtcDateTime;
            commitment.RequestKey = requestKey;
            var sequence = NextSequence(commitment.Year);
            commitment.Code = string.Create(CultureInfo.InvariantCulture, $"RA-{commitment.Year}-{sequence:000}");
            commitment.CreatedBy = userId;
            commitment.CreatedAt = now;
            commitment.UpdatedAt = now;
            commitment.Version = 1;
            _commitments.Insert(commitment);
            WriteVersion(commitment, "created", null, commitment.Title, userId, now);
            Notify(commitment);
            return commitment;
        });

    /// <summary>
    /// The next number of a year, from a counter row: counting the year's commitments on every registration made
    /// registration slower as the year filled up (BENCHMARKS.md "Load", soak). A database from before the counter
    /// starts it from the count once. Taken at once, outside the turn's unit of work, like a database sequence: fokal
    /// registering at the same moment get different numbers without running their turns again, and a turn that
    /// fails after taking one leaves a gap.
    /// </summary>
    private int NextSequence(int year) => database.Immediately(() =>
    {
        var counter = _sequences.FindById(year) ?? new CodeSequence { Id = year, Last = _commitments.Count(c => c.Year == year) };
        counter.Last++;
        _sequences.Upsert(counter);
        return counter.Last;
    });

    /// <summary>Applies a change made by <paramref name="change"/> and records it as a new version.</summary>
    public Commitment Change(int id, string field, Action<Commitment> change, Func<Commitment, string?> describe, string userId)
    {
        ArgumentNullException.ThrowIfNull(change);
        ArgumentNullException.ThrowIfNull(describe);
        return database.InTransaction(() =>
        {
            var commitment = _commitments.FindById(id) ?? throw new InvalidOperationException($"Commitment {id} does not exist.");
            var before = describe(commitment);
            change(commitment);
            var now = time.GetUtcNow().UtcDateTime;
            commitment.Version++;
            commitment.UpdatedAt = now;
            _commitments.Update(commitment);
            WriteVersion(commitment, field, before, describe(commitment), userId, now);
            Notify(commitment);
            return commitment;
        });
    }

    public Commitment? Get(int id) => _commitments.FindById(id);

    public Commitment? FindByCode(string code)
    {
        var normalized = code.Trim().ToUpperInvariant();
        return _commitments.FindOne(c => c.Code == normalized);
    }

    public IReadOnlyList<Commitment> ListByOrganisation(int organisationId, int? year = null) =>
        _commitments.Find(c => c.OrganisationId == organisationId)
            .Where(c => year is null || c.Year == year)
            .OrderBy(c => c.Code, StringComparer.Ordinal)
            .ToList();

    public IReadOnlyList<Commitment> ListAll(int? year = null) =>
        (year is null ? _commitments.FindAll() : _commitments.Find(c => c.Year == year)).ToList();

    public IReadOnlyList<CommitmentVersion> History(int commitmentId) =>
        _versions.Find(v => v.CommitmentId == commitmentId).OrderBy(v => v.Version).ToList();

    private void WriteVersion(Commitment commitment, string change, string? oldValue, string? newValue, string userId, DateTime at) =>
        _versions.Insert(new CommitmentVersion
        {
            Id = string.Create(CultureInfo.InvariantCulture, $"{commitment.Id}-{commitment.Version}"),
            CommitmentId = commitment.Id,
            Version = commitment.Version,
            Change = change,
            OldValue = oldValue,
            NewValue = newValue,
            ChangedBy = userId,
            ChangedAt = at,
        });

    private void Notify(Commitment commitment)
    {
        foreach (var listener in _listeners)
        {
            listener.CommitmentChanged(commitment);
        }
    }

    private static ILiteCollection<Commitment> CreateCollection(SinergiDatabase database)
    {
        var commitments = database.Collection<Commitment>("commitments");
        commitments.EnsureIndex(c => c.OrganisationId);
        commitments.EnsureIndex(c => c.Code, unique: true);
        commitments.EnsureIndex(c => c.Year);
        commitments.EnsureIndex(c => c.RequestKey);
        return commitments;
    }

    /// <summary>The last code number given out in a plan year.</summary>
    internal sealed class CodeSequence
    {
        public int Id { get; set; }
        public int Last { get; set; }
    }
}
