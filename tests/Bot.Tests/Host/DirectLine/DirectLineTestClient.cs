using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Bot.Tests.Support;

namespace Bot.Tests.Host.DirectLine;

/// <summary>Talks to the Direct Line endpoints as Web Chat does (JSON, Bearer token), over the network.</summary>
public sealed class DirectLineTestClient(HttpClient http)
{
    public const string Base = "/v3/directline";

    public string ConversationId { get; set; } = string.Empty;
    public string Token { get; set; } = string.Empty;

    /// <summary>The user id the token names (Web Chat reads the same claim).</summary>
    public string UserId => JsonDocument.Parse(Convert.FromBase64String(Pad(Token.Split('.')[1]))).RootElement.GetProperty("user").GetString()!;

    public async Task<JsonElement> GenerateAsync()
    {
        using var response = await http.PostAsync(Base + "/tokens/generate", null, TestContext.Token);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await ReadJsonAsync(response);
        ConversationId = body.GetProperty("conversationId").GetString()!;
        Token = body.GetProperty("token").GetString()!;
        return body;
    }

    public async Task<(HttpStatusCode Status, JsonElement Body)> StartAsync()
    {
        using var response = await SendAsync(HttpMethod.Post, Base + "/conversations", """{"user":{}}""");
        var body = await ReadJsonAsync(response);
        if (response.IsSuccessStatusCode)
        {
            Token = body.GetProperty("token").GetString()!;
        }

        return (response.StatusCode, body);
    }

    public async Task<string> PostMessageAsync(string text, string clientActivityId)
    {
        var activity = new
        {
            type = "message",
            text,
            textFormat = "plain",
            locale = "id-ID",
            from = new { id = "r_someone", name = "Tester", role = "user" },
            channelData = new { clientActivityID = clientActivityId, attachmentSizes = Array.Empty<int>() },
        };
        using var response = await SendAsync(HttpMethod.Post, $"{Base}/conversations/{ConversationId}/activities", JsonSerializer.Serialize(activity));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await ReadJsonAsync(response)).GetProperty("id").GetString()!;
    }

    /// <summary>Posts a message with one file through the upload endpoint, as Web Chat does (multipart: the activity, then the file).</summary>
    public async Task<HttpResponseMessage> UploadAsync(string activityJson, string fileName, string contentType, byte[] bytes)
    {
        using var form = new MultipartFormDataContent();
        var activity = new ByteArrayContent(Encoding.UTF8.GetBytes(activityJson));
        activity.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.microsoft.activity");
        form.Add(activity, "activity", "blob");
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        form.Add(file, "file", fileName);
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{Base}/conversations/{ConversationId}/upload?userId=r_x") { Content = form };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Token);
        return await http.SendAsync(request, TestContext.Token);
    }

    public async Task<(IReadOnlyList<JsonElement> Activities, string Watermark)> PollAsync(string? watermark)
    {
        using var response = await SendAsync(HttpMethod.Get, $"{Base}/conversations/{ConversationId}/activities?watermark={watermark}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await ReadJsonAsync(response);
        return (body.GetProperty("activities").EnumerateArray().ToList(), body.GetProperty("watermark").GetString()!);
    }

    /// <summary>Polls (as Web Chat does, every 100 ms here) until at least <paramref name="count"/> activities came after the watermark.</summary>
    public async Task<(IReadOnlyList<JsonElement> Activities, string Watermark)> PollUntilAsync(string? watermark, int count)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        while (true)
        {
            var result = await PollAsync(watermark);
            if (result.Activities.Count >= count)
            {
                return result;
            }

            await Task.Delay(100, timeout.Token);
        }
    }

    /// <summary>Polls until the activities since <paramref name="watermark"/> satisfy <paramref name="done"/> (20 s at most).</summary>
    public async Task<(IReadOnlyList<JsonElement> Activities, string Watermark)> PollUntilAsync(string? watermark, Func<IReadOnlyList<JsonElement>, bool> done)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        while (true)
        {
            var result = await PollAsync(watermark);
            if (done(result.Activities))
            {
                return result;
            }

            await Task.Delay(100, timeout.Token);
        }
    }

    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? json = null, string? token = null)
    {
        using var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token ?? Token);
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        return await http.SendAsync(request, TestContext.Token);
    }

    public static async Task<JsonElement> ReadJsonAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync(TestContext.Token);
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }

    public static string Text(JsonElement activity) => activity.TryGetProperty("text", out var text) ? text.GetString() ?? string.Empty : string.Empty;

    public static string Role(JsonElement activity) => activity.GetProperty("from").GetProperty("role").GetString()!;

    private static string Pad(string base64Url)
    {
        var s = base64Url.Replace('-', '+').Replace('_', '/');
        return s.PadRight(s.Length + ((4 - (s.Length % 4)) % 4), '=');
    }
}
