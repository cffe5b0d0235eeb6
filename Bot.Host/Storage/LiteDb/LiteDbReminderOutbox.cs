using Bot.Dialogs.Reminders;
using Bot.Dialogs.Storage;
using LiteDB;

namespace Bot.Host.Storage.LiteDb;

/// <summary>
/// The reminder outbox in LiteDB (DESIGN.md decision 5), kept in three collections so that the sweep's per-message
/// writes touch a small one (BENCHMARKS.md, "Reminders": on one collection of a million rows every claim and mark
/// cost milliseconds and a megabyte, growing with the plan):
/// <list type="bullet">
/// <item><c>reminder_outbox</c>, the hot set: rows being sent, and pending rows waking before the staging horizon
/// (<see cref="Stage"/>, a day ahead). Claims and marks happen here.</item>
/// <item><c>reminder_planned</c>: pending rows planned further ahead, written by the planner and moved into the hot
/// set in bulk when their day comes closer.</item>
/// <item><c>reminder_history</c>: rows sent, failed or skipped, moved out by the write that finished them.</item>
/// </list>
/// The key is the document id in all three, and a key present in any of them is refused, so a second row for the
/// same key stays impossible. Reads look at every collection that can hold the answer, so where a row sits is only
/// a matter of speed: a row written to the planned collection after the horizon passed it is still found awake.
/// The sweep's claims and "sent" marks do not rewrite the rows: they are a few documents per chunk and group commit
/// (<see cref="LiteDbReminderClaims"/>) that every read lays over the rows until a sweep with nothing due writes the
/// sent rows out in bulk (<see cref="Settle"/>).
/// </summary>
internal sealed class LiteDbReminderOutbox : IReminderOutbox
{
    public const string CollectionName = "reminder_outbox";
    public const string PlannedCollectionName = "reminder_planned";
    public const string HistoryCollectionName = "reminder_history";

    private readonly SinergiDatabase _database;
    private readonly ILiteCollection<ReminderItem> _hot;
    private readonly ILiteCollection<ReminderItem> _planned;
    private readonly ILiteCollection<ReminderItem> _history;
    private readonly LiteDbReminderClaims _claims;

    /// <summary>Pending rows waking up to here belong in the hot set; rows written before the first staging go to the planned collection.</summary>
    private long _horizonTicks = DateTime.MinValue.Ticks;

    private bool _settled;

    /// <summary>
    /// The rows the last <see cref="FindAwake"/> returned that no claim held, and the outbox's write counters before
    /// that read: while no write touched the outbox since, <see cref="GetForClaim"/> hands them out instead of reading
    /// each row again (once each; the sweep changes them as it claims them).
    /// </summary>
    private AwakeRows? _awake;

    /// <summary>Rows moved per transaction when staging.</summary>
    private const int StageChunk = 5_000;

    public LiteDbReminderOutbox(SinergiDatabase database, LiteDbReminderClaims claims)
    {
        _database = database;
        _hot = database.Collection<ReminderItem>(CollectionName);
        _hot.EnsureIndex(i => i.WakeAt);
        _hot.EnsureIndex(i => i.CommitmentId);

        // Every index of the hot set is paid for by each claim and mark; nothing on the sweep's path looks rows up by
        // recipient (ForRecipient scans), so a database that has that index loses it.
        _hot.DropIndex(nameof(ReminderItem.RecipientId));
        _planned = database.Collection<ReminderItem>(PlannedCollectionName);
        _planned.EnsureIndex(i => i.WakeAt);
        _planned.EnsureIndex(i => i.CommitmentId);
        _history = database.Collection<ReminderItem>(HistoryCollectionName);
        _history.EnsureIndex(i => i.CommitmentId);
        _claims = claims;
    }

    private DateTime Horizon => new(Interlocked.Read(ref _horizonTicks), DateTimeKind.Utc);

    public ReminderItem? Get(string key) => Stored(key) is { } row ? _claims.Overlay(row) : null;

    /// <summary>The row as written, without what claims lay over it.</summary>
    private ReminderItem? Stored(string key) => _hot.FindById(key) ?? _planned.FindById(key) ?? _history.FindById(key);

    /// <summary>Inserts the row unless its key exists; false when it did (the key was used before).</summary>
    public bool TryAdd(ReminderItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return _database.InTransaction(() =>
        {
            if (Stored(item.Id) is not null)
            {
                return false;
            }

            try
            {
                PlaceFor(item).Insert(item);
                return true;
            }
            catch (LiteException ex) when (ex.ErrorCode == LiteException.INDEX_DUPLICATE_KEY)
            {
                return false;
            }
        });
    }

    /// <summary>
    /// Writes the row where its state puts it, moving it when that changed. A row a claim holds is written only by
    /// that claim (<see cref="UpdateClaimed"/>): whoever else writes it read it before the claim, and must read again.
    /// </summary>
    public void Update(ReminderItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        RefuseHeld(item.Id);
        Write(item);
    }

    /// <summary>Writes the row and lets go of it, inside one transaction, when <paramref name="claimId"/> holds it.</summary>
    public void UpdateClaimed(ReminderItem row, string claimId)
    {
        ArgumentNullException.ThrowIfNull(row);
        _database.InTransaction(() =>
        {
            Write(row);
            _claims.End(row.Id, claimId, stillDue: row.Status == ReminderStatus.Pending);
        });
    }

    public void Claim(IReadOnlyList<ReminderItem> rows) => _claims.Claim(rows, []);

    /// <summary>One claim document carries the rows and their messages: nothing is written per message before the send.</summary>
    public bool Claim(IReadOnlyList<ReminderItem> rows, IReadOnlyList<InFlightMessage> messages)
    {
        _claims.Claim(rows, messages);
        return true;
    }

    public IReadOnlyList<string> MarkSent(IReadOnlyList<SentMessage> messages, string claimId) => _claims.MarkSent(messages, claimId);

    private void RefuseHeld(string key)
    {
        if (_claims.Holds(key))
        {
            throw new StorageConflictException($"Reminder {key} is being sent; it was read before the sweep claimed it.");
        }
    }

    private void Write(ReminderItem item)
    {
        var target = PlaceFor(item);
        _database.InTransaction(() =>
        {
            // Most likely place first: a row being claimed or marked is in the hot set.
            foreach (var source in new[] { _hot, _planned, _history })
            {
                if (source == target ? target.Update(item) : source.Delete(item.Id) && target.Insert(item) is not null)
                {
                    return;
                }
            }
        });
    }

    public void Update(IEnumerable<ReminderItem> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        _database.InTransaction(() =>
        {
            foreach (var item in items)
            {
                Update(item);
            }
        });
    }

    /// <summary>Inserts every row; a key used before throws and nothing of the call is kept.</summary>
    public int InsertBulk(IEnumerable<ReminderItem> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        var rows = items.ToList();
        return _database.InTransaction(() =>
        {
            if (rows.FirstOrDefault(r => Stored(r.Id) is not null) is { } used)
            {
                throw new LiteException(LiteException.INDEX_DUPLICATE_KEY, $"Cannot insert duplicate key in unique index '_id'. The duplicate value is '{used.Id}'.");
            }

            return rows.GroupBy(PlaceFor).Sum(g => g.Key.InsertBulk(g));
        });
    }

    /// <summary>
    /// Inserts the rows where their state puts them, each looked up by nobody here (the caller's key set says they are
    /// new; a unit of work still checks each against the stored collection once when it stages and commits it).
    /// </summary>
    public int AddNew(IReadOnlyList<ReminderItem> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        return _database.InTransaction(() => items.GroupBy(PlaceFor).Sum(g => g.Key.InsertBulk(g)));
    }

    public bool Delete(string key)
    {
        RefuseHeld(key);
        return _hot.Delete(key) || _planned.Delete(key) || _history.Delete(key);
    }

    public IReadOnlyList<ReminderItem> ForCommitment(int commitmentId) =>
        Across(c => c.Find(i => i.CommitmentId == commitmentId));

    /// <summary>Every row of a recipient; every collection is scanned (only tests and tools ask).</summary>
    public IReadOnlyList<ReminderItem> ForRecipient(string recipientId) =>
        Across(c => c.Find(i => i.RecipientId == recipientId));

    /// <summary>
    /// The rows <paramref name="find"/> picks in all three collections, each once. The collections are read one after
    /// the other while the sweep moves rows between them, always forward (planned → hot → history): reading them in
    /// that order sees a row that moves in between at least once, and where it is seen twice its later place, which
    /// is its newer state, wins.
    /// </summary>
    private List<ReminderItem> Across(Func<ILiteCollection<ReminderItem>, IEnumerable<ReminderItem>> find)
    {
        var rows = new Dictionary<string, ReminderItem>(StringComparer.Ordinal);
        foreach (var collection in (ILiteCollection<ReminderItem>[])[_planned, _hot, _history])
        {
            foreach (var row in find(collection))
            {
                rows[row.Id] = row;
            }
        }

        foreach (var row in rows.Values)
        {
            _claims.Overlay(row);
        }

        return [.. rows.Values];
    }

    /// <summary>
    /// Pending rows that are due and sending rows whose lease ran out, oldest first: from the hot set, and from the
    /// planned collection for rows written there after the horizon passed them (normally none: one index seek).
    /// </summary>
    public IReadOnlyList<ReminderItem> FindAwake(DateTime now, int limit)
    {
        // Rows a claim holds are still due as written, and are dropped here unless their lease ran out: read as many more.
        var reach = limit + _claims.Count;
        var version = WriteVersion();
        var hot = _hot.Query().Where(i => i.WakeAt <= now).OrderBy(i => i.WakeAt).Limit(reach).ToList();
        var planned = _planned.Query().Where(i => i.WakeAt <= now).OrderBy(i => i.WakeAt).Limit(reach).ToList();
        var unheld = new Dictionary<string, ReminderItem>(StringComparer.Ordinal);
        foreach (var row in hot.Concat(planned).Where(r => !_claims.Holds(r.Id)))
        {
            unheld[row.Id] = row;
        }

        var awake = hot.Concat(planned).Select(_claims.Overlay).Where(i => i.WakeAt <= now).OrderBy(i => i.WakeAt).Take(limit).ToList();
        // Not in a unit of work, whose staged writes bump no counter until it commits (a transaction's writes do).
        if (_database.OpenUnit is null)
        {
            _awake = new AwakeRows(version, unheld);
        }

        return awake;
    }

    /// <summary>The write counters of the three collections together (each only grows, so the sum changes with any write).</summary>
    private long WriteVersion() =>
        _database.WriteCounters.Read(CollectionName) + _database.WriteCounters.Read(PlannedCollectionName) + _database.WriteCounters.Read(HistoryCollectionName);

    private sealed record AwakeRows(long Version, Dictionary<string, ReminderItem> Rows);

    /// <summary>
    /// Sending rows whose lease has not run out yet (always in the hot set). A lease ends at most one lease duration
    /// from now, so the index range stays small.
    /// </summary>
    public IReadOnlyList<ReminderItem> FindLeased(DateTime now, TimeSpan leaseDuration)
    {
        var rows = _hot.Find(i => i.WakeAt > now && i.WakeAt <= now + leaseDuration)
            .Where(i => i.Status == ReminderStatus.Sending)
            .ToDictionary(i => i.Id, StringComparer.Ordinal);
        foreach (var key in _claims.SendingLeasedBetween(now, now + leaseDuration))
        {
            if (Stored(key) is { } row)
            {
                rows[key] = row;
            }
        }

        return [.. rows.Values.Select(_claims.Overlay).Where(i => i.Status == ReminderStatus.Sending && i.WakeAt > now)];
    }

    /// <summary>The rows of <paramref name="keys"/> as stored, for a claim in the open transaction (the engine runs one at a time).</summary>
    public IReadOnlyList<ReminderItem> GetForClaim(IReadOnlyList<string> keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var awake = _awake is { } found && found.Version == WriteVersion() && _database.OpenUnit is null ? found.Rows : null;
        var rows = new List<ReminderItem>(keys.Count);
        foreach (var key in keys)
        {
            // As read by the last FindAwake when nothing wrote to the outbox since and no claim holds it now.
            if (awake is not null && awake.Remove(key, out var row) && !_claims.Holds(key))
            {
                rows.Add(row);
            }
            else if (Get(key) is { } stored)
            {
                rows.Add(stored);
            }
        }

        return rows;
    }

    /// <summary>
    /// Moves the planned rows waking up to <paramref name="until"/> into the hot set, a few thousand per transaction,
    /// and from then on writes such rows there. The first call of a process also moves out of the hot set what does
    /// not belong there (rows planned further ahead, finished rows: a database written before the collections were split).
    /// </summary>
    public int Stage(DateTime until)
    {
        if (!_settled)
        {
            while (MoveChunk(_hot, _hot.Query().Where(i => i.WakeAt > until).Limit(StageChunk).ToList()) == StageChunk)
            {
            }

            _settled = true;
        }

        if (until <= Horizon)
        {
            return 0;
        }

        Interlocked.Exchange(ref _horizonTicks, until.Ticks);
        var moved = 0;
        int chunk;
        do
        {
            moved += chunk = MoveChunk(_planned, _planned.Query().Where(i => i.WakeAt <= until).Limit(StageChunk).ToList());
        }
        while (chunk == StageChunk);

        return moved;
    }

    /// <summary>Moves each row to where its state puts it (<see cref="PlaceFor"/>), in one transaction; returns how many moved.</summary>
    private int MoveChunk(ILiteCollection<ReminderItem> from, List<ReminderItem> rows) => _database.InTransaction(() =>
    {
        var moved = 0;
        foreach (var group in rows.GroupBy(PlaceFor).Where(g => g.Key != from))
        {
            var moving = group.Where(r => from.Delete(r.Id)).ToList();
            moved += moving.Count == 0 ? 0 : group.Key.InsertBulk(moving);
        }

        return moved;
    });

    /// <summary>
    /// Writes out what claims left laid over the rows: per claim document, in one transaction, its sent rows move to
    /// the history with their mark and the document keeps only the rows still sending (or goes).
    /// </summary>
    public int Settle()
    {
        var settled = 0;
        foreach (var (batch, keys) in _claims.Open())
        {
            settled += _database.InTransaction(() =>
            {
                var finished = new List<ReminderItem>();
                foreach (var (key, sent) in keys)
                {
                    if (sent is null || Stored(key) is not { } row)
                    {
                        continue;
                    }

                    sent.ApplyTo(row);
                    if (_hot.Delete(key) || _planned.Delete(key))
                    {
                        finished.Add(row);
                    }
                    else
                    {
                        _history.Update(row);
                    }
                }

                _history.InsertBulk(finished);
                _claims.Settled(batch, [.. keys.Where(k => k.Sent is null).Select(k => k.Key)]);
                return finished.Count;
            });
        }

        return settled;
    }

    /// <summary>One process per data folder (<see cref="DataFolderLock"/>).</summary>
    public bool SharedByHosts => false;

    public IReadOnlyList<ReminderItem> All() => Across(c => c.FindAll());

    public int Count() => _hot.Count() + _planned.Count() + _history.Count();

    /// <summary>Where a row in this state belongs: finished rows in the history, far pending rows in the planned collection.</summary>
    private ILiteCollection<ReminderItem> PlaceFor(ReminderItem item) => item.Status switch
    {
        ReminderStatus.Sent or ReminderStatus.Failed or ReminderStatus.Skipped => _history,
        ReminderStatus.Pending when item.WakeAt > Horizon => _planned,
        _ => _hot,
    };
}
