namespace Bot.Host.Channels.DirectLine;

/// <summary>
/// Sends a socket on this host what another host appended to its conversation's log: on each change heard, the
/// feed reads the log past what its sockets got (<see cref="ActivityFeed.CatchUp"/>).
/// </summary>
internal sealed class RemoteTranscriptRelay(ITranscriptChangeNotifier notifier, ActivityFeed feed) : IHostedService, IDisposable
{
    private IDisposable? _listening;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _listening = notifier.Listen((conversationId, watermark) => feed.CatchUp(conversationId, watermark));
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        Dispose();
        return Task.CompletedTask;
    }

    public void Dispose()
    {
        _listening?.Dispose();
        _listening = null;
    }
}
