using System.Buffers;
using System.Net.Http.Headers;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Channels;

namespace Bot.Bench.Load;

/// <summary>
/// Direct Line 3.0 as Web Chat speaks it: a token from <c>tokens/generate</c> (with the backend secret, naming the
/// user), <c>POST conversations</c>, the WebSocket <c>streamUrl</c>, and <c>POST activities</c>; a turn ends when
/// the bot's reply to the posted activity arrives on the stream.
/// </summary>
internal sealed class DirectLineTransport(HttpClient http, string secret, string locale, TimeSpan replyTimeout) : IChatTransport
{
    private static readonly MediaTypeHeaderValue JsonContentType = new("application/json") { CharSet = "utf-8" };
    private readonly HttpClient _http = http;
    private readonly string _locale = locale;
    private readonly TimeSpan _replyTimeout = replyTimeout;
    private const string Base = "v3/directline/";

    public async Task<IChatSession> OpenAsync(string userId, CancellationToken cancellationToken)
    {
        var generated = await PostJsonAsync(Base + "tokens/generate", secret, new JsonObject { ["user"] = new JsonObject { ["id"] = userId, ["name"] = userId } }, cancellationToken);
        var token = generated.GetProperty("token").GetString()!;
        var conversationId = generated.GetProperty("conversationId").GetString()!;
        var started = await PostJsonAsync(Base + "conversations", token, new JsonObject(), cancellationToken);
        token = started.GetProperty("token").GetString()!;
        var streamUrl = started.GetProperty("streamUrl").GetString()!;

        var socket = new ClientWebSocket();
        await socket.ConnectAsync(new Uri(streamUrl), cancellationToken);
        return new Session(this, socket, conversationId, token, userId);
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private async Task<JsonElement> PostJsonAsync(string path, string bearer, JsonObject body, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        using var response = await _http.SendAsync(request, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new BenchException($"{path}: HTTP {(int)response.StatusCode}: {text}");
        }

        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private sealed class Session : IChatSession
    {
        private readonly DirectLineTransport _owner;
        private readonly ClientWebSocket _socket;
        private readonly string _conversationId;
        private readonly string _token;
        private readonly string _userId;
        private readonly Channel<(string? ReplyToId, string Text)> _incoming = Channel.CreateUnbounded<(string?, string)>(new UnboundedChannelOptions { SingleReader = true });
        private readonly CancellationTokenSource _closing = new();
        private readonly Task _receiving;

        public Session(DirectLineTransport owner, ClientWebSocket socket, string conversationId, string token, string userId)
        {
            _owner = owner;
            _socket = socket;
            _conversationId = conversationId;
            _token = token;
            _userId = userId;
            _receiving = ReceiveAsync(_closing.Token);
        }

        public async Task<IReadOnlyList<string>> SendAsync(string text, string? expect, CancellationToken cancellationToken)
        {
            var id = await PostActivityAsync(text, cancellationToken);

            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(_owner._replyTimeout);
            var texts = new List<string>();
            try
            {
                while (true)
                {
                    var (replyToId, reply) = await _incoming.Reader.ReadAsync(timeout.Token);
                    if (replyToId != id)
                    {
                        continue; // the welcome or a late part of an earlier turn
                    }

                    texts.Add(reply);
                    if (expect is null || ScriptStep.ContainsAny(reply, expect))
                    {
                        return texts;
                    }
                }
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                throw new BenchException($"no reply to '{text}' within {_owner._replyTimeout.TotalSeconds:0} s (got: {string.Join(" | ", texts)})");
            }
        }

        /// <summary>
        /// The same activity Web Chat posts, written straight to bytes (no JSON tree per message), and the id from the
        /// answer read without a document: the client's CPU per turn counts against the host on a shared machine.
        /// </summary>
        private async Task<string?> PostActivityAsync(string text, CancellationToken cancellationToken)
        {
            var body = new ArrayBufferWriter<byte>(256);
            using (var json = new Utf8JsonWriter(body))
            {
                json.WriteStartObject();
                json.WriteString("type", "message");
                json.WriteString("text", text);
                json.WriteString("textFormat", "plain");
                json.WriteString("locale", _owner._locale);
                json.WriteStartObject("from");
                json.WriteString("id", _userId);
                json.WriteString("name", _userId);
                json.WriteString("role", "user");
                json.WriteEndObject();
                json.WriteEndObject();
            }

            using var request = new HttpRequestMessage(HttpMethod.Post, $"{Base}conversations/{_conversationId}/activities");
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _token);
            request.Content = new ReadOnlyMemoryContent(body.WrittenMemory);
            request.Content.Headers.ContentType = JsonContentType;
            using var response = await _owner._http.SendAsync(request, cancellationToken);
            var answer = await response.Content.ReadAsByteArrayAsync(cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                throw new BenchException($"POST activities: HTTP {(int)response.StatusCode}: {Encoding.UTF8.GetString(answer)}");
            }

            var reader = new Utf8JsonReader(answer);
            while (reader.Read())
            {
                if (reader.TokenType == JsonTokenType.PropertyName && reader.CurrentDepth == 1 && reader.ValueTextEquals("id"u8))
                {
                    reader.Read();
                    return reader.GetString();
                }
            }

            throw new BenchException("POST activities: the answer has no id");
        }

        public async ValueTask DisposeAsync()
        {
            await _closing.CancelAsync();
            try
            {
                if (_socket.State == WebSocketState.Open)
                {
                    using var quick = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                    await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "done", quick.Token);
                }
            }
            catch (Exception ex) when (ex is WebSocketException or OperationCanceledException)
            {
                // The server may already have closed it; nothing to clean up.
            }

            await _receiving.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            _socket.Dispose();
            _closing.Dispose();
        }

        private async Task ReceiveAsync(CancellationToken cancellationToken)
        {
            var buffer = new byte[64 * 1024];
            using var message = new MemoryStream();
            try
            {
                while (!cancellationToken.IsCancellationRequested)
                {
                    var result = await _socket.ReceiveAsync(buffer, cancellationToken);
                    if (result.MessageType == WebSocketMessageType.Close)
                    {
                        return;
                    }

                    message.Write(buffer, 0, result.Count);
                    if (!result.EndOfMessage)
                    {
                        continue;
                    }

                    Dispatch(message.GetBuffer().AsMemory(0, (int)message.Length));
                    message.SetLength(0);
                }
            }
            catch (Exception ex) when (ex is WebSocketException or OperationCanceledException)
            {
                // Closing the session ends the loop.
            }
            finally
            {
                _incoming.Writer.TryComplete();
            }
        }

        /// <summary>Reads one frame; the document is over the receive buffer and gone before the buffer is reused.</summary>
        private void Dispatch(ReadOnlyMemory<byte> frame)
        {
            if (frame.Length == 0)
            {
                return; // keep-alive
            }

            using var document = JsonDocument.Parse(frame);
            if (!document.RootElement.TryGetProperty("activities", out var activities))
            {
                return;
            }

            foreach (var activity in activities.EnumerateArray())
            {
                var from = activity.TryGetProperty("from", out var f) && f.TryGetProperty("id", out var fid) ? fid.GetString() : null;
                if (from == _userId)
                {
                    continue; // our own echo
                }

                var replyTo = activity.TryGetProperty("replyToId", out var r) ? r.GetString() : null;
                _incoming.Writer.TryWrite((replyTo, BotFrameworkTransport.Describe(activity)));
            }
        }
    }
}
