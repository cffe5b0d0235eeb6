using Bot.Dialogs.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Bot.Dialogs.Reminders;

/// <summary>What one sweep did.</summary>
internal sealed record SweepResult(int Claimed, int Messages, int Sent, int Deferred, int Retrying, int Failed)
{
    public static SweepResult Empty { get; } = new(0, 0, 0, 0, 0, 0);
}

/// <summary>
/// Sends what is due, the same way on every channel. Exactly once per idempotency key, with one window left open
/// on channels that keep no transcript here:
/// <list type="number">
/// <item>Claim: in one transaction, due rows go from pending to sending with a lease (an expiry) and a claim id, and
/// their messages are composed (per recipient, read once per sweep) and recorded with the claim: each message carries
/// a stable id derived from its rows' keys, and the claim records the rows and id of every one before the first leaves
/// (<see cref="IReminderOutbox.Claim(IReadOnlyList{ReminderItem}, IReadOnlyList{InFlightMessage})"/>: on LiteDB in
/// the claim document itself; elsewhere <see cref="IInFlightMessages"/> in the same transaction).</item>
/// <item>Deliver: per recipient, through the stored conversation reference.</item>
/// <item>Mark: the channel's sender writes the mark (<see cref="ReminderSentRecord"/>): the rows of that message
/// become sent and the record goes. A sender whose transcript is in this database (Direct Line) writes it in the
/// transaction that stores the message, so there is no window there; the others write it right after the channel
/// accepted (group-committed with the other writes of the moment, <see cref="SentMarks"/>).</item>
/// </list>
/// A crash between the channel's acceptance and the mark leaves the rows "sending"; when the host starts again
/// they are taken over (claimed by a process that is gone) and their recorded message is sent again, with the same
/// rows and the same id. So that one window is at-least-once: the user may see that message twice unless the
/// channel de-duplicates by the id (Web Chat does). Everything else is exactly once: a row that was sent is never
/// claimed again, and the key makes a second row for the same step impossible.
/// </summary>
internal sealed partial class ReminderSweep(
    IReminderOutbox outbox,
    IStorageTransactions transactions,
    RecipientDelivery delivery,
    RecipientDirectory directory,
    ReminderRowUpdates updates,
    IInFlightMessages inFlight,
    IOptions<ReminderOptions> options,
    TimeProvider time,
    Telemetry.SinergiTelemetry telemetry,
    ILogger<ReminderSweep> logger) : IDisposable
{
    private readonly ReminderOptions _options = options.Value;
    private readonly SemaphoreSlim _gate = new(1, 1);

    /// <summary>When this process started: anything due before it was missed while the host was down.</summary>
    private readonly DateTime _startedAt = time.GetUtcNow().UtcDateTime;

    /// <summary>Rows claimed per transaction (whole recipients, so a chunk may run over).</summary>
    private const int ClaimChunk = 500;

    /// <summary>How far ahead the outbox gets the rows ready (<see cref="IReminderOutbox.Stage"/>): a day, so the peak is staged the day before.</summary>
    private static readonly TimeSpan StageAhead = TimeSpan.FromHours(24);

    private readonly HashSet<string> _orphans = new(StringComparer.Ordinal);
    private bool _tookOverOrphans;

    public DateTime StartedAt => _startedAt;

    public async Task<SweepResult> SweepAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var now = time.GetUtcNow().UtcDateTime;
            var claimId = Guid.NewGuid().ToString("N");
            var due = FindDue(now);
            if (due.Count == 0)
            {
                // Off the peak: what earlier claims left laid over their rows is written out now, in bulk.
                outbox.Settle();
                outbox.Stage(now + StageAhead);
                return SweepResult.Empty;
            }

            // Messages earlier attempts left unmarked, read once: this sweep's own records are never looked up.
            var earlier = inFlight.All().ToLookup(m => m.RecipientId, StringComparer.Ordinal);
            var tally = new SweepTally();
            var marks = new SentMarks(updates, claimId);
            var claimedCount = 0;
            var late = 0;
            try
            {
                // Claimed and delivered a chunk of whole recipients at a time: small transactions, and the first
                // messages leave while the rest are still waiting rather than after one huge claim.
                var recipients = directory.ForSweep(due.Select(r => r.RecipientId).Distinct(StringComparer.Ordinal), now);
                foreach (var chunk in ChunkByRecipient(due))
                {
                    var (claimed, ready) = Claim(chunk, now, claimId, rows => rows
                        .GroupBy(c => c.Row.RecipientId, StringComparer.Ordinal)
                        .Select(group => delivery.Prepare(recipients, group.Key, [.. group], [.. earlier[group.Key]], claimId, now, _startedAt, tally))
                        .ToList());
                    claimedCount += claimed.Count;
                    late += claimed.Count(c => c.IsLate(now, _startedAt, _options.CatchUpAfter));

                    var parallel = new ParallelOptions { MaxDegreeOfParallelism = _options.DeliveryParallelism, CancellationToken = cancellationToken };
                    await Parallel.ForEachAsync(ready, parallel, async (recipient, token) => await delivery.SendAsync(recipient, claimId, now, tally, marks, token));
                }
            }
            finally
            {
                await marks.CompleteAsync();
                if (marks.FailedWrites > 0)
                {
                    LogMarksFailed(marks.FailedWrites);
                }
            }

            // Tomorrow's rows are moved within reach now, in bulk, rather than at their due time.
            outbox.Stage(now + StageAhead);
            var result = tally.ToResult(claimedCount);
            LogSwept(result.Claimed, result.Messages, result.Sent, result.Deferred, result.Retrying, result.Failed);
            telemetry.RemindersSwept(result.Claimed, result.Sent, late);
            return result;
        }
        finally
        {
            _gate.Release();
        }
    }

    private List<ReminderItem> FindDue(DateTime now)
    {
        var rows = outbox.FindAwake(now, _options.MaxItemsPerSweep).ToList();
        if (!_tookOverOrphans && !outbox.SharedByHosts)
        {
            // Sweeps run one at a time, so before this process's first claim every lease belongs to a process
            // that is gone and will never release it: take those rows over at once rather than at lease expiry.
            // Not where other hosts sweep the same outbox: a lease found then may be theirs, and runs out instead.
            var known = rows.Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
            var orphans = outbox.FindLeased(now, _options.LeaseDuration).Where(r => known.Add(r.Id)).ToList();
            _orphans.UnionWith(orphans.Select(r => r.Id));
            rows.AddRange(orphans);
            _tookOverOrphans = true;
        }

        return rows;
    }

    private static IEnumerable<List<ReminderItem>> ChunkByRecipient(List<ReminderItem> due)
    {
        var chunk = new List<ReminderItem>();
        foreach (var recipient in due.GroupBy(r => r.RecipientId, StringComparer.Ordinal))
        {
            chunk.AddRange(recipient);
            if (chunk.Count >= ClaimChunk)
            {
                yield return chunk;
                chunk = [];
            }
        }

        if (chunk.Count > 0)
        {
            yield return chunk;
        }
    }

    /// <summary>
    /// Pending → sending with a lease, with the messages <paramref name="prepare"/> composes for the rows, in one
    /// transaction (<see cref="IReminderOutbox.Claim(IReadOnlyList{ReminderItem}, IReadOnlyList{InFlightMessage})"/>: one
    /// claim document on LiteDB, messages included). Each row is read again inside it: a replan may have moved or removed
    /// it since it was found, and only a row still due (or an orphan) is taken. The rows the rules keep back (quiet
    /// hours, the daily cap…) are written in the same transaction, once the claim holds them.
    /// </summary>
    private (List<ClaimedRow> Claimed, List<RecipientMessages> Ready) Claim(List<ReminderItem> found, DateTime now, string claimId, Func<List<ClaimedRow>, List<RecipientPlan>> prepare) => transactions.Run(() =>
    {
        var claimed = new List<ClaimedRow>(found.Count);
        foreach (var row in outbox.GetForClaim([.. found.Select(f => f.Id)]))
        {
            var orphan = row.Status == ReminderStatus.Sending && _orphans.Remove(row.Id);
            if ((row.WakeAt > now && !orphan) || row.Status is not (ReminderStatus.Pending or ReminderStatus.Sending))
            {
                continue;
            }

            if (row.Status == ReminderStatus.Sending)
            {
                LogLeaseTakenOver(row.Id);
            }

            claimed.Add(new ClaimedRow(row, row.Status == ReminderStatus.Sending ? row.ClaimedAt ?? row.DueAt : row.WakeAt));
            row.Status = ReminderStatus.Sending;
            row.ClaimId = claimId;
            row.ClaimedAt = now;
            row.WakeAt = now + _options.LeaseDuration;
        }

        if (claimed.Count == 0)
        {
            return (claimed, new List<RecipientMessages>());
        }

        var plans = prepare(claimed);
        var ready = plans.Select(p => p.Send).OfType<RecipientMessages>().ToList();
        var at = time.GetUtcNow().UtcDateTime;
        var messages = new List<InFlightMessage>();
        foreach (var recipient in ready)
        {
            foreach (var message in recipient.Messages)
            {
                messages.Add(recipient.InFlight(message, at));
            }
        }

        if (!outbox.Claim([.. claimed.Select(c => c.Row)], messages))
        {
            messages.ForEach(inFlight.Put);
        }

        foreach (var plan in plans)
        {
            plan.Writes?.Invoke();
        }

        return (claimed, ready);
    });

    public void Dispose() => _gate.Dispose();

    [LoggerMessage(EventId = 4001, Level = LogLevel.Information, Message = "Reminder sweep: {Claimed} claimed, {Messages} messages, {Sent} rows sent, {Deferred} deferred, {Retrying} retrying, {Failed} failed")]
    private partial void LogSwept(int claimed, int messages, int sent, int deferred, int retrying, int failed);

    [LoggerMessage(EventId = 4006, Level = LogLevel.Warning, Message = "Reminder sweep: {Count} sent marks could not be written; their rows go again under the same message id when the lease runs out")]
    private partial void LogMarksFailed(int count);

    [LoggerMessage(EventId = 4002, Level = LogLevel.Warning, Message = "Reminder {ReminderId} was left sending by an earlier claim; sending it again (at-least-once window)")]
    private partial void LogLeaseTakenOver(string reminderId);
}

/// <summary>A claimed row and since when it has been waiting to go out (to tell catch-up from on time).</summary>
internal sealed record ClaimedRow(ReminderItem Row, DateTime AwakeSince)
{
    /// <summary>Missed while the host was down, or waiting longer than <paramref name="catchUpAfter"/>: it goes out as catch-up.</summary>
    public bool IsLate(DateTime now, DateTime startedAt, TimeSpan catchUpAfter) => AwakeSince < startedAt || now - AwakeSince > catchUpAfter;
}

/// <summary>Counters shared by the parallel deliveries of one sweep.</summary>
internal sealed class SweepTally
{
    private int _messages;
    private int _sent;
    private int _deferred;
    private int _retrying;
    private int _failed;

    public void Message(int rows)
    {
        Interlocked.Increment(ref _messages);
        Interlocked.Add(ref _sent, rows);
    }

    public void Deferred(int rows) => Interlocked.Add(ref _deferred, rows);

    public void Retrying(int rows) => Interlocked.Add(ref _retrying, rows);

    public void Failed(int rows) => Interlocked.Add(ref _failed, rows);

    public SweepResult ToResult(int claimed) => new(claimed, _messages, _sent, _deferred, _retrying, _failed);
}
