using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Bot.Bench.Load;

/// <summary>
/// <c>POST {base}/api/messages</c> with <c>deliveryMode: expectReplies</c>: the replies come back in the response
/// body, so one HTTP round trip is one turn. Works against any Bot Framework bot (Sinergi, the JS SDK bot).
/// </summary>
internal sealed class BotFrameworkTransport(HttpClient http, string channelId, string locale) : IChatTransport
{
    private readonly HttpClient _http = http;
    private readonly string _channelId = channelId;
    private readonly string _locale = locale;

    private long _conversations;

    public Task<IChatSession> OpenAsync(string userId, CancellationToken cancellationToken)
    {
        var number = Interlocked.Increment(ref _conversations);
        var conversationId = $"bench-{Environment.ProcessId}-{number}-{Guid.NewGuid():N}";
        return Task.FromResult<IChatSession>(new Session(this, conversationId, userId));
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private sealed class Session(BotFrameworkTransport owner, string conversationId, string userId) : IChatSession
    {
        private int _turn;

        public async Task<IReadOnlyList<string>> SendAsync(string text, string? expect, CancellationToken cancellationToken)
        {
            var activity = new JsonObject
            {
                ["type"] = "message",
                ["id"] = $"{conversationId}-{++_turn}",
                ["channelId"] = owner._channelId,
                ["serviceUrl"] = "http://127.0.0.1:9/",
                ["deliveryMode"] = "expectReplies",
                ["locale"] = owner._locale,
                ["from"] = new JsonObject { ["id"] = userId, ["name"] = userId, ["role"] = "user" },
                ["recipient"] = new JsonObject { ["id"] = "bot", ["role"] = "bot" },
                ["conversation"] = new JsonObject { ["id"] = conversationId },
                ["text"] = text,
            };
            using var content = new StringContent(activity.ToJsonString(), Encoding.UTF8);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            using var response = await owner._http.PostAsync("api/messages", content, cancellationToken);
            var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                throw new BenchException($"HTTP {(int)response.StatusCode}: {Encoding.UTF8.GetString(body)}");
            }

            return ReplyTexts(body);
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;

        private static List<string> ReplyTexts(byte[] body)
        {
            var texts = new List<string>();
            if (body.Length == 0)
            {
                return texts;
            }

            using var document = JsonDocument.Parse(body);
            if (!document.RootElement.TryGetProperty("activities", out var activities))
            {
                return texts;
            }

            foreach (var reply in activities.EnumerateArray())
            {
                texts.Add(Describe(reply));
            }

            return texts;
        }
    }

    /// <summary>The text of a reply plus its suggested action titles (a choice prompt may carry them alone).</summary>
    public static string Describe(JsonElement activity)
    {
        var text = activity.TryGetProperty("text", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() ?? string.Empty : string.Empty;
        if (activity.TryGetProperty("suggestedActions", out var suggested) && suggested.TryGetProperty("actions", out var actions))
        {
            foreach (var action in actions.EnumerateArray())
            {
                if (action.TryGetProperty("title", out var title))
                {
                    text += " [" + title.GetString() + "]";
                }
            }
        }

        return text;
    }
}
