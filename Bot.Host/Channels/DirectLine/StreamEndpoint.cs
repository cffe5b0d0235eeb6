using System.Net.WebSockets;
using System.Text;

namespace Bot.Host.Channels.DirectLine;

/// <summary>
/// The WebSocket stream: the backlog from the watermark first, then every new activity as its own ActivitySet.
/// Inbound frames (Web Chat's empty pings every 20 s) are read and ignored.
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
        IHostApplicationLifetime lifetime)
    {
        var access = auth.Check(t, conversationId);
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
        var receiving = IgnoreInboundAsync(socket, stop);
        try
        {
            await SendAsync(socket, subscription.Backlog, stop.Token);
            await foreach (var frame in subscription.Frames.Reader.ReadAllAsync(stop.Token))
            {
                await SendAsync(socket, frame, stop.Token);
            }

            await CloseAsync(socket);
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

    private static async Task CloseAsync(WebSocket socket)
    {
        if (socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "conversation closed", timeout.Token);
        }
    }
}
