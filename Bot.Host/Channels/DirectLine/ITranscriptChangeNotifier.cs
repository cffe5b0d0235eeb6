namespace Bot.Host.Channels.DirectLine;

/// <summary>
/// Hears that another host grew a conversation's Direct Line log, so that the host holding a web chat's socket sends
/// it the replies of a turn another host ran (read from the store). The telling is the store's: on PostgreSQL the
/// append notifies in its own transaction (<c>PostgresTranscriptNotifier</c>). One host alone (LiteDB) hears nothing:
/// <see cref="InProcessTranscriptNotifier"/>.
/// </summary>
internal interface ITranscriptChangeNotifier
{
    /// <summary>Calls <paramref name="onChange"/> (conversation id, watermark) for each change made on another host, until disposed.</summary>
    IDisposable Listen(Action<string, int> onChange);
}

/// <summary>One process: its own feed pushes what it appends, and no other host writes the log; nothing to tell.</summary>
internal sealed class InProcessTranscriptNotifier : ITranscriptChangeNotifier
{
    public IDisposable Listen(Action<string, int> onChange) => new Listening();

    private sealed class Listening : IDisposable
    {
        public void Dispose()
        {
        }
    }
}
