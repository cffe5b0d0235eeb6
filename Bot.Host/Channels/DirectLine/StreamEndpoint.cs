using System.Net.WebSockets;
using System.Text;

namespace Bot.Host.Channels.DirectLine;

/// <summary>
/// The WebSocket stream: the backlog from the watermark first, then every new activity as its own ActivitySet.
/// Inbound frames (Web Chat's empty pings every 20 s) are read and ignored. The socket closes (1008, "token expired")
/// when the token in its URL expires (issue 14, finding 15): Web Chat refreshes its token every 15 minutes and
/// reconnects with the fresh one, so only a client that stopped refreshing loses the stream.
/// </summary>
internal static class StreamEndpoint
{
    public static void MapStreamEndpoint(this RouteGroupBuilder group) =>
        group.MapGet("/conversations/{conversationId}/stream", StreamAsync);

    private static async Task StreamAsync(
        string conversationId,
        string? t,
        string? watermark,
        HttpContext http,
        DirectLineAuth auth,
        ActivityFeed feed,
        TimeProvider time,
        IHostApplicationLifetime lifetime)
    {
        var access = await auth.CheckAsync(t, conversationId, http.RequestAborted);
        if (access.Refusal is not null)
        {
            await access.Refusal.ExecuteAsync(http);
            return;
        }

        if (!http.WebSockets.IsWebSocketRequest)
        {
            await DirectLineResults.BadArgument("This URL is a WebSocket; connect with an Upgrade request.").ExecuteAsync(http);
            return;
        }

        using var socket = await http.WebSockets.AcceptWebSocketAsync();
        using var subscription = feed.Subscribe(conversationId, DirectLineRequests.Watermark(watermark));
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted, lifetime.ApplicationStopping);

        // Only the sending side watches the expiry: cancelling a pending receive would abort the socket before the
        // close frame could tell the client why.
        using var expiry = new CancellationTokenSource(Until(access.Grant!.ExpiresAt, time), time);
        using var sending = CancellationTokenSource.CreateLinkedTokenSource(stop.Token, expiry.Token);
        var receiving = IgnoreInboundAsync(socket, stop);
        try
        {
            await SendAsync(socket, subscription.Backlog, sending.Token);
            await foreach (var frame in subscription.Frames.Reader.ReadAllAsync(sending.Token))
            {
                await SendAsync(socket, frame, sending.Token);
            }

            await CloseAsync(socket, WebSocketCloseStatus.NormalClosure, "conversation closed");
        }
        catch (OperationCanceledException) when (expiry.IsCancellationRequested && !stop.IsCancellationRequested)
        {
            await CloseAsync(socket, WebSocketCloseStatus.PolicyViolation, "token expired");

            // Let the client answer the close (a network handshake, so the real clock) before the connection drops.
            await Task.WhenAny(receiving, Task.Delay(TimeSpan.FromSeconds(2), TimeProvider.System, CancellationToken.None));
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException)
        {
            // The client went away or the host is stopping; the client reconnects with its watermark.
        }
        finally
        {
            await stop.CancelAsync();
            await receiving;
        }
    }

    private static Task SendAsync(WebSocket socket, string frame, CancellationToken cancellationToken) =>
        socket.SendAsync(Encoding.UTF8.GetBytes(frame), WebSocketMessageType.Text, endOfMessage: true, cancellationToken);

    private static async Task IgnoreInboundAsync(WebSocket socket, CancellationTokenSource stop)
    {
        var buffer = new byte[4096];
        try
        {
            while (socket.State == WebSocketState.Open)
            {
                var received = await socket.ReceiveAsync(buffer, stop.Token);
                if (received.MessageType == WebSocketMessageType.Close)
                {
                    break;
                }
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException)
        {
            // Closing is the only thing an inbound frame can mean to us.
        }

        // The client closed: stop the sender too.
        await stop.CancelAsync();
    }

    private static TimeSpan Until(DateTimeOffset expires, TimeProvider time)
    {
        var left = expires - time.GetUtcNow();
        return left > TimeSpan.Zero ? left : TimeSpan.Zero;
    }

    private static async Task CloseAsync(WebSocket socket, WebSocketCloseStatus status, string reason)
    {
        if (socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
        {
            try
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                await socket.CloseOutputAsync(status, reason, timeout.Token);
            }
            catch (Exception ex) when (ex is OperationCanceledException or WebSocketException)
            {
                // The client is gone already.
            }
        }
    }
}
