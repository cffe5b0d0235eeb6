using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace Bot.Host.Channels.WhatsApp;

/// <summary>
/// Drains the inbox in the background: one drain per conversation at a time (in timestamp order), different
/// conversations in parallel. It starts with whatever a previous run left pending, so a restart loses nothing.
/// </summary>
internal sealed class InboxWorker(
    IWhatsAppInbox inbox,
    InboxProcessor processor,
    IOptions<WhatsAppOptions> options,
    TimeProvider time,
    ILogger<InboxWorker> logger) : BackgroundService
{
    private const int MaxAttempts = 3;
    private static readonly TimeSpan PruneInterval = TimeSpan.FromHours(1);

    private readonly WhatsAppOptions _options = options.Value;
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _draining = new(StringComparer.Ordinal);
    private TaskCompletionSource _signal = NewSignal();
    private DateTimeOffset _nextPrune = DateTimeOffset.MinValue;

    /// <summary>Tells the worker that new rows are waiting.</summary>
    public void Wake() => Volatile.Read(ref _signal).TrySetResult();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!_options.Enabled)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            // Reset before scanning: a row inserted before this line is seen by the scan, one after it wakes the wait.
            var signal = NewSignal();
            Volatile.Write(ref _signal, signal);
            var now = time.GetUtcNow();
            Prune(now);
            var (ready, nextCheck) = inbox.ReadyConversations(now, _options.ReorderWindow);
            foreach (var conversationId in ready)
            {
                // Claimed before the drain starts, so the drain's own release can never come first.
                var done = NewSignal();
                if (_draining.TryAdd(conversationId, done))
                {
                    _ = DrainAsync(conversationId, done, stoppingToken);
                }
            }

            var wait = nextCheck is { } at ? at - now : PruneInterval;
            await WaitAsync(signal, wait < PruneInterval ? wait : PruneInterval, stoppingToken);
        }

        await Task.WhenAll(_draining.Values.Select(d => d.Task));
    }

    private async Task DrainAsync(string conversationId, TaskCompletionSource done, CancellationToken stoppingToken)
    {
        await Task.Yield();
        try
        {
            while (!stoppingToken.IsCancellationRequested && inbox.NextPending(conversationId, time.GetUtcNow()) is { } row)
            {
                try
                {
                    var lastAttempt = row.Attempts + 1 >= MaxAttempts;
                    var outcome = await processor.ProcessAsync(row, lastAttempt, stoppingToken);
                    if (!outcome.Kept)
                    {
                        // Nothing of the turn was kept (the server too busy): the row is tried again after a back-off,
                        // the later ones waiting behind it; after the last attempt the user heard why and it is given up.
                        inbox.MarkAttemptFailed(row, time.GetUtcNow(), MaxAttempts);
                        WhatsAppLog.InboxTurnNotKept(logger, row.Id, row.Attempts);
                        if (!lastAttempt)
                        {
                            break;
                        }

                        continue;
                    }

                    inbox.MarkDone(row, time.GetUtcNow(), outcome.Confidential);
                }
                catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
                {
                    inbox.MarkAttemptFailed(row, time.GetUtcNow(), MaxAttempts);
                    WhatsAppLog.InboxRowFailed(logger, ex, row.Id, row.Attempts);
                    break;
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: the row stays pending and runs after the restart.
        }
        catch (Exception ex)
        {
            // The store itself failed; the rows stay pending and the next wake-up tries again.
            WhatsAppLog.DrainFailed(logger, ex, conversationId);
        }
        finally
        {
            _draining.TryRemove(conversationId, out _);
            done.TrySetResult();
            Wake();
        }
    }

    private void Prune(DateTimeOffset now)
    {
        if (now < _nextPrune)
        {
            return;
        }

        _nextPrune = now + PruneInterval;
        var removed = inbox.Prune(now - _options.DeduplicationRetention);
        if (removed > 0)
        {
            WhatsAppLog.InboxPruned(logger, removed);
        }
    }

    private async Task WaitAsync(TaskCompletionSource signal, TimeSpan wait, CancellationToken stoppingToken)
    {
        if (wait <= TimeSpan.Zero)
        {
            return;
        }

        using var timer = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        var delay = Task.Delay(wait, time, timer.Token);
        await Task.WhenAny(signal.Task, delay);
        await timer.CancelAsync();
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
