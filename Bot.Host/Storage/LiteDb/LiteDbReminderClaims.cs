using Bot.Dialogs.Reminders;
using LiteDB;

namespace Bot.Host.Storage.LiteDb;

/// <summary>
/// The sweep's claims and "sent" marks as a few documents laid over the outbox rows instead of a rewrite of every
/// row (BENCHMARKS.md, "Reminders", session 12): a claim is one <see cref="ReminderClaimBatch"/> per chunk, the marks
/// of a group commit one <see cref="ReminderSentBatch"/>, and a row the sweep writes anyway (deferred, retrying,
/// failed) ends its claim with a <see cref="ReminderClaimEnd"/>. <see cref="LiteDbReminderOutbox"/> shows every row
/// through them until <see cref="LiteDbReminderOutbox.Settle"/> writes the sent rows out and drops the documents.
/// </summary>
/// <remarks>
/// One process per data folder (<see cref="DataFolderLock"/>), so the documents are read once and then kept in memory:
/// a claim is held in memory from the moment it is written (a turn that read the row as pending before fails its
/// write as a conflict and reads again), marks and ends once committed. After a storage fault the files are
/// reopened and everything is read again.
/// </remarks>
internal sealed class LiteDbReminderClaims
{
    public const string ClaimsCollectionName = "reminder_claims";
    public const string SentCollectionName = "reminder_claims_sent";
    public const string EndsCollectionName = "reminder_claims_ended";

    private readonly SinergiDatabase _database;
    private readonly ILiteCollection<ReminderClaimBatch> _claims;
    private readonly ILiteCollection<ReminderSentBatch> _sent;
    private readonly ILiteCollection<ReminderClaimEnd> _ends;
    private readonly Lock _lock = new();
    private State? _state;

    public LiteDbReminderClaims(SinergiDatabase database)
    {
        _database = database;
        _claims = database.Collection<ReminderClaimBatch>(ClaimsCollectionName);
        _sent = database.Collection<ReminderSentBatch>(SentCollectionName);
        _ends = database.Collection<ReminderClaimEnd>(EndsCollectionName);
        database.OnReopened(() =>
        {
            lock (_lock)
            {
                _state = null;
            }
        });
    }

    /// <summary>How many keys claims hold now (sending or sent, not settled).</summary>
    public int Count
    {
        get
        {
            var state = Loaded();
            lock (_lock)
            {
                return state.Held.Count;
            }
        }
    }

    /// <summary>Whether a claim holds <paramref name="key"/>.</summary>
    public bool Holds(string key)
    {
        var state = Loaded();
        lock (_lock)
        {
            return state.Held.ContainsKey(key);
        }
    }

    /// <summary>The row as the claims show it: sending under its claim, or sent; unchanged when none holds it.</summary>
    public ReminderItem Overlay(ReminderItem row)
    {
        ArgumentNullException.ThrowIfNull(row);
        var state = Loaded();
        Held? held;
        lock (_lock)
        {
            state.Held.TryGetValue(row.Id, out held);
        }

        if (held is null)
        {
            return row;
        }

        if (held.Sent is { } sent)
        {
            sent.ApplyTo(row);
        }
        else
        {
            row.Status = ReminderStatus.Sending;
            row.ClaimId = held.Batch.ClaimId;
            row.ClaimedAt = held.Batch.ClaimedAt;
            row.WakeAt = held.Batch.LeaseUntil;
        }

        return row;
    }

    /// <summary>Keys held as sending whose lease ends in (<paramref name="after"/>, <paramref name="until"/>].</summary>
    public IReadOnlyList<string> SendingLeasedBetween(DateTime after, DateTime until)
    {
        var state = Loaded();
        lock (_lock)
        {
            return [.. state.Held.Where(h => h.Value.Sent is null && h.Value.Batch.LeaseUntil > after && h.Value.Batch.LeaseUntil <= until).Select(h => h.Key)];
        }
    }

    /// <summary>Records the claim of <paramref name="rows"/> (already changed to sending): one document per claim and lease.</summary>
    public void Claim(IReadOnlyList<ReminderItem> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var state = Loaded();
        foreach (var group in rows.GroupBy(r => (r.ClaimId, r.ClaimedAt, r.WakeAt)))
        {
            var batch = new ReminderClaimBatch
            {
                ClaimId = group.Key.ClaimId ?? string.Empty,
                ClaimedAt = group.Key.ClaimedAt ?? group.Key.WakeAt,
                LeaseUntil = group.Key.WakeAt,
                Keys = [.. group.Select(r => r.Id)],
            };
            lock (_lock)
            {
                batch.Id = ++state.LastBatch;
            }

            // Held from now on, before the commit: a turn that read a row as pending must not write it any more.
            _claims.Insert(batch);
            lock (_lock)
            {
                state.Add(batch);
            }
        }
    }

    /// <summary>Marks the keys of <paramref name="messages"/> that <paramref name="claimId"/> holds as sent, in one document; returns the others.</summary>
    public IReadOnlyList<string> MarkSent(IReadOnlyList<SentMessage> messages, string claimId)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var lost = new List<string>();
        var entries = new List<ReminderSentEntry>();
        var state = Loaded();
        lock (_lock)
        {
            var held = state.Held;
            foreach (var message in messages)
            {
                foreach (var group in message.Keys.GroupBy(k => held.TryGetValue(k, out var h) && h.Sent is null && h.Batch.ClaimId == claimId ? h.Batch.Id : 0))
                {
                    if (group.Key == 0)
                    {
                        lost.AddRange(group);
                        continue;
                    }

                    entries.Add(new ReminderSentEntry
                    {
                        Batch = group.Key,
                        Keys = [.. group],
                        MessageId = message.MessageId,
                        ConversationKey = message.ConversationKey,
                        Shape = message.Shape,
                        SentAt = message.SentAt,
                    });
                }
            }
        }

        if (entries.Count > 0)
        {
            var document = new ReminderSentBatch { Id = Guid.NewGuid().ToString("N"), Messages = entries };
            _sent.Insert(document);
            _database.AfterCommit(() =>
            {
                lock (_lock)
                {
                    _state?.MarkSent(document);
                }
            });
        }

        return lost;
    }

    /// <summary>Lets go of <paramref name="key"/> if <paramref name="claimId"/> holds it (its row was just written); false when it did not.</summary>
    public bool End(string key, string claimId)
    {
        long batch;
        var state = Loaded();
        lock (_lock)
        {
            if (!state.Held.TryGetValue(key, out var held) || held.Batch.ClaimId != claimId)
            {
                return false;
            }

            batch = held.Batch.Id;
        }

        _ends.Upsert(new ReminderClaimEnd { Id = key, Batch = batch });
        _database.AfterCommit(() =>
        {
            lock (_lock)
            {
                _state?.End(key, batch);
            }
        });
        return true;
    }

    /// <summary>Each claim document with the keys it holds now, oldest first (what <see cref="LiteDbReminderOutbox.Settle"/> works through).</summary>
    public IReadOnlyList<(ReminderClaimBatch Batch, IReadOnlyList<(string Key, ReminderSentEntry? Sent)> Keys)> Open()
    {
        var state = Loaded();
        lock (_lock)
        {
            var byBatch = state.Held.ToLookup(h => h.Value.Batch.Id, h => (h.Key, h.Value.Sent));
            return [.. state.Batches.Values.OrderBy(b => b.Id).Select(b => (b, (IReadOnlyList<(string, ReminderSentEntry?)>)[.. byBatch[b.Id]]))];
        }
    }

    /// <summary>
    /// Inside the transaction that wrote the sent rows of <paramref name="batch"/> out: the claim document keeps only
    /// <paramref name="stillSending"/> (or goes), and the ends and "sent" documents nothing refers to any more go.
    /// </summary>
    public void Settled(ReminderClaimBatch batch, IReadOnlyList<string> stillSending)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentNullException.ThrowIfNull(stillSending);
        List<string> ends;
        List<string> sentDocuments;
        var state = Loaded();
        lock (_lock)
        {
            ends = [.. batch.Keys.Where(k => state.Ends.TryGetValue(k, out var b) && b == batch.Id)];
            // A mark matters only until its rows are written out; the keys still sending carry none.
            sentDocuments = [.. state.SentDocuments.Where(d => d.Value.All(b => b == batch.Id || !state.Batches.ContainsKey(b))).Select(d => d.Key)];
        }

        var remaining = new ReminderClaimBatch { Id = batch.Id, ClaimId = batch.ClaimId, ClaimedAt = batch.ClaimedAt, LeaseUntil = batch.LeaseUntil, Keys = [.. stillSending] };
        _ = stillSending.Count > 0 ? _claims.Update(remaining) : _claims.Delete(batch.Id);
        ends.ForEach(k => _ends.Delete(k));
        sentDocuments.ForEach(d => _sent.Delete(d));
        _database.AfterCommit(() =>
        {
            lock (_lock)
            {
                _state?.Settled(batch, remaining, ends, sentDocuments);
            }
        });
    }

    /// <summary>The documents in memory, read on first use (outside the lock: no engine call is made under it).</summary>
    private State Loaded()
    {
        lock (_lock)
        {
            if (_state is { } loaded)
            {
                return loaded;
            }
        }

        var state = new State();
        foreach (var batch in _claims.FindAll().OrderBy(b => b.Id))
        {
            state.Add(batch);
        }

        foreach (var end in _ends.FindAll())
        {
            state.End(end.Id, end.Batch);
        }

        foreach (var sent in _sent.FindAll())
        {
            state.MarkSent(sent);
        }

        lock (_lock)
        {
            return _state ??= state;
        }
    }

    /// <summary>What a key's claim says: the claim document holding it, and its mark once sent.</summary>
    private sealed record Held(ReminderClaimBatch Batch, ReminderSentEntry? Sent);

    /// <summary>The documents as held in memory (guarded by the claims' lock).</summary>
    private sealed class State
    {
        public Dictionary<string, Held> Held { get; } = new(StringComparer.Ordinal);

        public Dictionary<long, ReminderClaimBatch> Batches { get; } = [];

        /// <summary>Key → the claim document its end record names.</summary>
        public Dictionary<string, long> Ends { get; } = new(StringComparer.Ordinal);

        /// <summary>"Sent" document → the claim documents its messages name.</summary>
        public Dictionary<string, HashSet<long>> SentDocuments { get; } = new(StringComparer.Ordinal);

        public long LastBatch { get; set; }

        public void Add(ReminderClaimBatch batch)
        {
            Batches[batch.Id] = batch;
            LastBatch = Math.Max(LastBatch, batch.Id);
            foreach (var key in batch.Keys)
            {
                Held[key] = new Held(batch, null);
            }
        }

        public void End(string key, long batch)
        {
            Ends[key] = batch;
            if (Held.TryGetValue(key, out var held) && held.Batch.Id == batch)
            {
                Held.Remove(key);
            }
        }

        public void MarkSent(ReminderSentBatch document)
        {
            SentDocuments[document.Id] = [.. document.Messages.Select(m => m.Batch)];
            foreach (var entry in document.Messages)
            {
                foreach (var key in entry.Keys)
                {
                    if (Held.TryGetValue(key, out var held) && held.Batch.Id == entry.Batch)
                    {
                        Held[key] = held with { Sent = entry };
                    }
                }
            }
        }

        public void Settled(ReminderClaimBatch batch, ReminderClaimBatch remaining, List<string> ends, List<string> sentDocuments)
        {
            var still = remaining.Keys.ToHashSet(StringComparer.Ordinal);
            foreach (var key in batch.Keys)
            {
                if (Held.TryGetValue(key, out var held) && held.Batch.Id == batch.Id)
                {
                    if (still.Contains(key))
                    {
                        Held[key] = held with { Batch = remaining };
                    }
                    else
                    {
                        Held.Remove(key);
                    }
                }
            }

            if (still.Count > 0)
            {
                Batches[batch.Id] = remaining;
            }
            else
            {
                Batches.Remove(batch.Id);
            }

            ends.ForEach(k => Ends.Remove(k));
            sentDocuments.ForEach(d => SentDocuments.Remove(d));
        }
    }
}
