using Bot.Knowledge.Retrieval;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Bot.Knowledge.Ingestion;

/// <summary>
/// Keeps this host's index on the stored document set: every <see cref="KnowledgeOptions.RefreshInterval"/> it lists the
/// stored documents (key and content hash) and re-indexes the ones that changed (<see cref="PassageIndex.SyncDocuments"/>).
/// The first sync runs at start; a failed one (database unreachable) is logged and the index keeps what it has.
/// </summary>
internal sealed partial class KnowledgeRefresher(PassageIndex index, IOptions<KnowledgeOptions> options, TimeProvider time, ILogger<KnowledgeRefresher> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.Value.RefreshInterval <= TimeSpan.Zero)
        {
            return; // only this process writes the documents; the index syncs at its first use
        }

        // Off the start path: the first sync builds the index (readiness waits for it, not the host's start).
        await Task.Yield();
        using var timer = new PeriodicTimer(options.Value.RefreshInterval, time);
        do
        {
            try
            {
                var started = time.GetTimestamp();
                var changed = index.SyncDocuments();
                if (changed > 0)
                {
                    LogSynced(changed, time.GetElapsedTime(started).TotalMilliseconds);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException and not OutOfMemoryException)
            {
                LogSyncFailed(ex);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }

    [LoggerMessage(EventId = 1701, Level = LogLevel.Information, Message = "Knowledge index refreshed from the stored documents: {Changed} changed in {Milliseconds:F0} ms")]
    private partial void LogSynced(int changed, double milliseconds);

    [LoggerMessage(EventId = 1702, Level = LogLevel.Warning, Message = "Refreshing the knowledge index from the stored documents failed; it keeps the documents it has")]
    private partial void LogSyncFailed(Exception exception);
}
