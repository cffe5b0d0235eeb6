namespace Bot.Host.Channels.DirectLine;

/// <summary>
/// Tells the other hosts that a conversation's Direct Line log grew, so that the host holding a web chat's socket
/// sends it the replies of a turn another host ran. <see cref="Changed"/> is called after the commit that appended
/// to the log; every other host hears it through <see cref="Listen"/> and reads the new activities from the store.
/// One host alone (LiteDB) needs nothing of this: <see cref="InProcessTranscriptNotifier"/>.
/// </summary>
internal interface ITranscriptChangeNotifier
{
    /// <summary>The log of <paramref name="conversationId"/> holds activities up to <paramref name="watermark"/>, committed.</summary>
    void Changed(string conversationId, int watermark);

    /// <summary>Calls <paramref name="onChange"/> (conversation id, watermark) for each change made on another host, until disposed.</summary>
    IDisposable Listen(Action<string, int> onChange);
}

/// <summary>One process: its own feed pushes what it appends, and no other host writes the log; nothing to tell.</summary>
internal sealed class InProcessTranscriptNotifier : ITranscriptChangeNotifier
{
    public void Changed(string conversationId, int watermark)
    {
    }

    public IDisposable Listen(Action<string, int> onChange) => new Listening();

    private sealed class Listening : IDisposable
    {
        public void Dispose()
        {
        }
    }
}

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
