using Bot.Host.Channels.DirectLine;
using Dapper;
using Npgsql;

namespace Bot.Host.Storage.Postgres;

/// <summary>
/// <see cref="ITranscriptChangeNotifier"/> on PostgreSQL LISTEN/NOTIFY: a change is a <c>pg_notify</c> on the
/// <see cref="Channel"/> channel (payload: this host's id, the watermark, the conversation id), sent by
/// <see cref="PostgresDirectLineStore"/> in the transaction that appends, so PostgreSQL delivers it at the commit; each host keeps one connection listening (<see cref="Listen"/>), ignores its own
/// notifications (its feed pushed them already) and reconnects after a failure. A notification missed while the
/// listening connection was down is not replayed: the socket gets those activities with the conversation's next
/// change, and a reconnecting client reads them from its watermark.
/// </summary>
internal sealed partial class PostgresTranscriptNotifier(PostgresDatabase database, ILogger<PostgresTranscriptNotifier> logger)
    : ITranscriptChangeNotifier
{
    public const string Channel = "sinergi_transcript";

    private static readonly TimeSpan Reconnect = TimeSpan.FromSeconds(2);

    private readonly string _host = Guid.NewGuid().ToString("N");

    /// <summary>The log of <paramref name="conversationId"/> holds activities up to <paramref name="watermark"/> once the open transaction commits.</summary>
    public void Changed(string conversationId, int watermark)
    {
        ArgumentException.ThrowIfNullOrEmpty(conversationId);

        // In the transaction open on the flow (the append's), when there is one: the notice leaves at its commit.
        database.Use((c, t) => c.Execute(
            "select pg_notify(@channel, @payload)",
            new { channel = Channel, payload = _host + "|" + watermark.ToString(System.Globalization.CultureInfo.InvariantCulture) + "|" + conversationId },
            t));
    }

    public IDisposable Listen(Action<string, int> onChange)
    {
        ArgumentNullException.ThrowIfNull(onChange);
        var stop = new CancellationTokenSource();
        var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var loop = Task.Run(() => ListenAsync(onChange, ready, stop.Token), CancellationToken.None);
        // Listening before this returns: a change committed after Listen is heard.
        ready.Task.Wait(TimeSpan.FromSeconds(30));
        return new Listening(stop, loop);
    }

    private async Task ListenAsync(Action<string, int> onChange, TaskCompletionSource ready, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = await database.DataSource.OpenConnectionAsync(cancellationToken);
                connection.Notification += (_, e) => Dispatch(e.Payload, onChange);
                await using (var listen = new NpgsqlCommand("listen " + Channel, connection))
                {
                    await listen.ExecuteNonQueryAsync(cancellationToken);
                }

                ready.TrySetResult();
                while (!cancellationToken.IsCancellationRequested)
                {
                    await connection.WaitAsync(cancellationToken);
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is NpgsqlException or InvalidOperationException or IOException)
            {
                LogListenFailed(ex);
                await Task.Delay(Reconnect, cancellationToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }

    private void Dispatch(string payload, Action<string, int> onChange)
    {
        var parts = payload.Split('|', 3);
        if (parts.Length != 3 || parts[0] == _host
            || !int.TryParse(parts[1], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var watermark))
        {
            return;
        }

        try
        {
            onChange(parts[2], watermark);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            LogDispatchFailed(ex, parts[2]);
        }
    }


    [LoggerMessage(EventId = 1212, Level = LogLevel.Warning, Message = "Listening for Direct Line changes failed; reconnecting")]
    private partial void LogListenFailed(Exception exception);

    [LoggerMessage(EventId = 1213, Level = LogLevel.Warning, Message = "Sending Direct Line conversation {ConversationId}'s change to its sockets failed")]
    private partial void LogDispatchFailed(Exception exception, string conversationId);

    private sealed class Listening(CancellationTokenSource stop, Task loop) : IDisposable
    {
        public void Dispose()
        {
            if (stop.IsCancellationRequested)
            {
                return;
            }

            stop.Cancel();
            loop.Wait(TimeSpan.FromSeconds(5));
            stop.Dispose();
        }
    }
}
