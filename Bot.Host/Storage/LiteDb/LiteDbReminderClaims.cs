using Bot.Dialogs.Reminders;
using LiteDB;

namespace Bot.Host.Storage.LiteDb;

/// <summary>
/// The sweep's claims and "sent" marks as a few documents laid over the outbox rows instead of a rewrite of every
/// row (BENCHMARKS.md, "Reminders", session 12): a claim is one <see cref="ReminderClaimBatch"/> per chunk, the marks
/// of a group commit one <see cref="ReminderSentBatch"/>, and a row the sweep writes anyway (deferred, retrying,
/// failed) ends its claim with a <see cref="ReminderClaimEnd"/>. <see cref="LiteDbReminderOutbox"/> shows every row
/// through them until <see cref="LiteDbReminderOutbox.Settle"/> writes the sent rows out and drops the documents.
/// A claim document also carries the messages composed for its rows (session 13): a message is in flight while its
/// rows are held as sending under that claim, so nothing is written per message before the send and nothing removed
/// with its mark (<see cref="LiteDbInFlightMessages"/>). Only a message whose rows go back to pending after it may have
/// left (a failed send, a shutdown) is written on its own, to <c>reminder_in_flight</c>, so that the next attempt
/// sends it again under the same id after its claim is settled.
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
    public const string RecordsCollectionName = "reminder_in_flight";

    private readonly SinergiDatabase _database;
    private readonly ILiteCollection<ReminderClaimBatch> _claims;
    private readonly ILiteCollection<ReminderSentBatch> _sent;
    private readonly ILiteCollection<ReminderClaimEnd> _ends;
    private readonly ILiteCollection<InFlightMessage> _records;
    private readonly Lock _lock = new();
    private State? _state;

    public LiteDbReminderClaims(SinergiDatabase database)
    {
        _database = database;
        _claims = database.Collection<ReminderClaimBatch>(ClaimsCollectionName);
        _sent = database.Collection<ReminderSentBatch>(SentCollectionName);
        _ends = database.Collection<ReminderClaimEnd>(EndsCollectionName);
        _records = database.Collection<InFlightMessage>(RecordsCollectionName);
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

    /// <summary>
    /// Records the claim of <paramref name="rows"/> (already changed to sending) with the messages composed for them:
    /// one document per claim and lease, each message in the document that holds its first row.
    /// </summary>
    public void Claim(IReadOnlyList<ReminderItem> rows, IReadOnlyList<InFlightMessage> messages)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(messages);
        var state = Loaded();
        var groups = rows.GroupBy(r => (r.ClaimId, r.ClaimedAt, r.WakeAt)).ToList();
        foreach (var group in groups)
        {
            var batch = new ReminderClaimBatch
            {
                ClaimId = group.Key.ClaimId ?? string.Empty,
                ClaimedAt = group.Key.ClaimedAt ?? group.Key.WakeAt,
                LeaseUntil = group.Key.WakeAt,
                Keys = [.. group.Select(r => r.Id)],
            };
            if (messages.Count > 0)
            {
                // One sweep's claim is one group: then every message goes with it and no key is looked up.
                var keys = groups.Count == 1 ? null : batch.Keys.ToHashSet(StringComparer.Ordinal);
                batch.Messages = [.. messages.Where(m => keys is null || (m.Keys.Count > 0 && keys.Contains(m.Keys[0])))];
            }

            lock (_lock)
            {
                batch.Id = ++state.LastBatch;
            }

            // Held from now on, before the commit: a turn that read a row as pending must not write it any more. If the
            // transaction rolls back, what is in memory is read again from the files, which never saw the claim (held
            // until then, the rows would read as sending, and refuse every write, until the lease ran out).
            _database.AfterRollback(Reload);
            _claims.Insert(batch);
            lock (_lock)
            {
                state.Add(batch);
            }
        }
    }

    /// <summary>The messages in flight: those of a claim document with a row it still holds as sending, and the records written on their own.</summary>
    public IReadOnlyList<InFlightMessage> InFlight()
    {
        var state = Loaded();
        lock (_lock)
        {
            if (state.Records.Count == 0 && state.Held.Count == 0)
            {
                return [];
            }

            var found = new Dictionary<string, InFlightMessage>(state.Records, StringComparer.Ordinal);
            foreach (var batch in state.Batches.Values.OrderBy(b => b.Id))
            {
                foreach (var message in batch.Messages)
                {
                    // A later claim's copy of the same message (sent again) is the newer one.
                    if (message.Keys.Any(k => state.Held.TryGetValue(k, out var held) && held.Batch.Id == batch.Id && held.Sent is null))
                    {
                        found[message.Id] = message;
                    }
                }
            }

            return [.. found.Values];
        }
    }

    /// <summary>Writes a message record of its own (<c>reminder_in_flight</c>), kept until <see cref="Forget(string)"/>.</summary>
    public void Record(InFlightMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        _ = Loaded();
        _records.Upsert(message);
        _database.AfterCommit(() =>
        {
            lock (_lock)
            {
                if (_state is { } current)
                {
                    current.Records[message.Id] = message;
                }
            }
        });
    }

    /// <summary>
    /// Drops the record of <paramref name="messageId"/> written on its own, if any (its message was marked sent, or its
    /// rows were finished some other way); a message that only a claim document carries needs nothing: its mark ends it.
    /// </summary>
    public bool Forget(string messageId)
    {
        var state = Loaded();
        lock (_lock)
        {
            if (!state.Records.ContainsKey(messageId))
            {
                return false;
            }
        }

        var deleted = _records.Delete(messageId);
        _database.AfterCommit(() =>
        {
            lock (_lock)
            {
                _state?.Records.Remove(messageId);
            }
        });
        return deleted;
    }

    /// <summary>Forgets everything in memory: the next use reads the documents again.</summary>
    private void Reload()
    {
        lock (_lock)
        {
            _state = null;
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

    /// <summary>
    /// Lets go of <paramref name="key"/> if <paramref name="claimId"/> holds it (its row was just written); false when it
    /// did not. When the row is <paramref name="stillDue"/> (retrying, released) and went in a message that may have
    /// left, that message is recorded on its own, so that it goes again as it was once the claim is settled.
    /// </summary>
    public bool End(string key, string claimId, bool stillDue)
    {
        long batch;
        InFlightMessage? message;
        var state = Loaded();
        lock (_lock)
        {
            if (!state.Held.TryGetValue(key, out var held) || held.Batch.ClaimId != claimId)
            {
                return false;
            }

            batch = held.Batch.Id;
            message = stillDue && held.Message is { } m && !ReferenceEquals(state.Records.GetValueOrDefault(m.Id), m) ? m : null;
        }

        if (message is not null)
        {
            Record(message);
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

        // The messages of the rows still sending stay with them: those rows may have left in them.
        var still = stillSending.ToHashSet(StringComparer.Ordinal);
        var remaining = new ReminderClaimBatch
        {
            Id = batch.Id,
            ClaimId = batch.ClaimId,
            ClaimedAt = batch.ClaimedAt,
            LeaseUntil = batch.LeaseUntil,
            Keys = [.. stillSending],
            Messages = [.. batch.Messages.Where(m => m.Keys.Any(still.Contains))],
        };
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

        foreach (var record in _records.FindAll())
        {
            state.Records[record.Id] = record;
        }

        lock (_lock)
        {
            return _state ??= state;
        }
    }

    /// <summary>What a key's claim says: the claim document holding it, its mark once sent, and the message composed for it.</summary>
    private sealed record Held(ReminderClaimBatch Batch, ReminderSentEntry? Sent, InFlightMessage? Message);

    /// <summary>The documents as held in memory (guarded by the claims' lock).</summary>
    private sealed class State
    {
        public Dictionary<string, Held> Held { get; } = new(StringComparer.Ordinal);

        public Dictionary<long, ReminderClaimBatch> Batches { get; } = [];

        /// <summary>Key → the claim document its end record names.</summary>
        public Dictionary<string, long> Ends { get; } = new(StringComparer.Ordinal);

        /// <summary>"Sent" document → the claim documents its messages name.</summary>
        public Dictionary<string, HashSet<long>> SentDocuments { get; } = new(StringComparer.Ordinal);

        /// <summary>Message records written on their own (<c>reminder_in_flight</c>), by message id.</summary>
        public Dictionary<string, InFlightMessage> Records { get; } = new(StringComparer.Ordinal);

        public long LastBatch { get; set; }

        public void Add(ReminderClaimBatch batch)
        {
            Batches[batch.Id] = batch;
            LastBatch = Math.Max(LastBatch, batch.Id);
            foreach (var message in batch.Messages)
            {
                foreach (var key in message.Keys)
                {
                    Held[key] = new Held(batch, null, message);
                }
            }

            foreach (var key in batch.Keys)
            {
                if (!Held.TryGetValue(key, out var held) || held.Batch != batch)
                {
                    Held[key] = new Held(batch, null, null);
                }
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
