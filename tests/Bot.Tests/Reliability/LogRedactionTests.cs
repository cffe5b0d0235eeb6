using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Bot.Tests.Host.DirectLine;
using Bot.Tests.Host.WhatsApp;
using Bot.Tests.Support;
using Microsoft.Extensions.Logging;

namespace Bot.Tests.Reliability;

/// <summary>
/// Finding 1 of issue 14 (second half): Information-level request logs held Direct Line tokens
/// (<c>stream?t=eyJ…</c>) and dashboard sign-in links. Every entry from Information up is captured while a web
/// chat streams and a coordinator opens a sign-in link; none may hold a token, the link's token or the message.
/// </summary>
public sealed partial class LogRedactionTests : IDisposable
{
    private const string Secret = "kata-rahasia-5521";
    private readonly TempDirectory _data = new();
    private readonly CollectingLoggerProvider _logs = new();
    private readonly KestrelHost _host;
    private readonly HttpClient _http;

    public LogRedactionTests()
    {
        _host = new KestrelHost(_data.Path, new Dictionary<string, string?> { ["Bot:Coordinators:0"] = "test|koord" }, logs: _logs);
        _http = _host.CreateNetworkClient();
    }

    [Fact]
    public async Task InformationLogsHoldNoTokenSignInLinkOrMessageText()
    {
        var client = new DirectLineTestClient(_http);
        await client.GenerateAsync();
        var (_, started) = await client.StartAsync();
        var streamUrl = started.GetProperty("streamUrl").GetString()!;
        using var socket = new ClientWebSocket();
        await socket.ConnectAsync(new Uri(streamUrl), TestContext.Token);
        await DirectLineStreamTests.ReceiveUntilAsync(socket, [], 1);
        await client.PostMessageAsync(Secret, "c-secret");
        await DirectLineStreamTests.ReceiveUntilAsync(socket, [], 2);

        var link = await AskForSignInLinkAsync();
        using (var page = await _http.GetAsync(link.PathAndQuery, TestContext.Token))
        {
            Assert.True(page.IsSuccessStatusCode, page.StatusCode.ToString());
        }

        var streamToken = Uri.UnescapeDataString(Regex.Match(streamUrl, "[?&]t=([^&]+)").Groups[1].Value);
        var signInToken = Uri.UnescapeDataString(Regex.Match(link.Query, "[?&]t=([^&]+)").Groups[1].Value);
        Assert.NotEmpty(streamToken);
        Assert.NotEmpty(signInToken);
        var logged = _logs.Entries.Where(e => e.Level >= LogLevel.Information).Select(e => e.Message).ToList();
        foreach (var secret in new[] { streamToken, client.Token, signInToken, Uri.EscapeDataString(signInToken), Secret })
        {
            Assert.DoesNotContain(logged, m => m.Contains(secret, StringComparison.Ordinal));
        }

        Assert.DoesNotContain(logged, m => m.Contains("?t=", StringComparison.Ordinal));

        // The requests are logged, by their route.
        Assert.Contains(logged, m => m.Contains("/v3/directline/conversations/{conversationId}/stream", StringComparison.Ordinal));
        Assert.Contains(logged, m => m.Contains("/dasbor/masuk", StringComparison.Ordinal));
    }

    public void Dispose()
    {
        _http.Dispose();
        _host.Dispose();
        _data.Dispose();
    }

    private async Task<Uri> AskForSignInLinkAsync()
    {
        var body = """{"type":"message","id":"m-dasbor","channelId":"test","serviceUrl":"http://127.0.0.1:9/","deliveryMode":"expectReplies","from":{"id":"koord"},"recipient":{"id":"bot"},"conversation":{"id":"c-koord"},"text":"dasbor"}""";
        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        using var response = await _http.PostAsync("/api/messages", content, TestContext.Token);
        var replies = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Token)).RootElement.GetProperty("activities");
        var text = string.Join("\n", replies.EnumerateArray().Select(a => a.TryGetProperty("text", out var t) ? t.GetString() : null));
        var url = SignInUrl().Match(text);
        Assert.True(url.Success, text);
        return new Uri(url.Value);
    }

    [GeneratedRegex(@"https?://[^\s)\]]+/dasbor/masuk\?t=[A-Za-z0-9%._~-]+")]
    private static partial Regex SignInUrl();
}
