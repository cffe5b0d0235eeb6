using System.Net;
using System.Net.Http.Headers;
using Bot.Host.Channels.DirectLine;
using Bot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using static Bot.Tests.Host.DirectLine.DirectLineTestClient;

namespace Bot.Tests.Host.DirectLine;

/// <summary>
/// Issue 14, finding 4: the anonymous web chat door cannot fill the disk. Each test sets the limits it exercises
/// explicitly and small, over a real host on loopback (every client here is 127.0.0.1, one address).
/// </summary>
public sealed class DirectLineQuotaTests : IDisposable
{
    private readonly TempDirectory _data = new();
    private readonly List<IDisposable> _owned = [];
    private readonly List<KestrelHost> _hosts = [];

    [Fact]
    public async Task TokensBeyondThePerAddressLimitAre429WithRetryAfterWhileTheBackendSecretIsNotLimited()
    {
        var http = Start(new() { ["DirectLine:TokensPerMinutePerAddress"] = "3", ["DirectLine:Secret"] = "quota-test-secret-for-loopback" });
        for (var i = 0; i < 3; i++)
        {
            await new DirectLineTestClient(http).GenerateAsync();
        }

        using var refused = await http.PostAsync(Base + "/tokens/generate", null, TestContext.Token);
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.NotNull(refused.Headers.RetryAfter?.Delta);
        Assert.InRange(refused.Headers.RetryAfter!.Delta!.Value, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(1));
        var body = await ReadJsonAsync(refused);
        Assert.Equal("TooManyRequests", body.GetProperty("error").GetProperty("code").GetString());

        // A backend holding the secret names its users and is trusted with its own limits (the load benchmark).
        using var request = new HttpRequestMessage(HttpMethod.Post, Base + "/tokens/generate");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "quota-test-secret-for-loopback");
        using var backend = await http.SendAsync(request, TestContext.Token);
        Assert.Equal(HttpStatusCode.OK, backend.StatusCode);
    }

    [Fact]
    public async Task UploadsBeyondThePerConversationLimitAre429ButAnotherConversationMayStillUpload()
    {
        var http = Start(new() { ["DirectLine:UploadsPerMinutePerConversation"] = "2", ["DirectLine:UploadsPerMinutePerAddress"] = "100" });
        var first = await StartConversationAsync(http);
        for (var i = 0; i < 2; i++)
        {
            using var accepted = await UploadAsync(http, first, SampleFiles.Png);
            Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        }

        using var refused = await UploadAsync(http, first, SampleFiles.Png);
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.NotNull(refused.Headers.RetryAfter?.Delta);

        var second = await StartConversationAsync(http);
        using var other = await UploadAsync(http, second, SampleFiles.Png);
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
    }

    [Fact]
    public async Task UploadsBeyondThePerAddressLimitAre429AcrossConversations()
    {
        var http = Start(new() { ["DirectLine:UploadsPerMinutePerAddress"] = "2", ["DirectLine:UploadsPerMinutePerConversation"] = "100" });
        foreach (var _ in Enumerable.Range(0, 2))
        {
            using var accepted = await UploadAsync(http, await StartConversationAsync(http), SampleFiles.Png);
            Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        }

        using var refused = await UploadAsync(http, await StartConversationAsync(http), SampleFiles.Png);
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.NotNull(refused.Headers.RetryAfter?.Delta);
    }

    [Fact]
    public async Task AnonymousUploadsStopAtTheirStoredBytesCapsWithAClearMessageAndNothingIsPosted()
    {
        var http = Start(new()
        {
            ["DirectLine:MaxUploadBytesPerConversation"] = "5000",
            ["DirectLine:MaxAnonymousUploadBytes"] = "9000",
        });
        var first = await StartConversationAsync(http);
        using (var accepted = await UploadAsync(http, first, SampleFiles.PngOfSize(3000)))
        {
            Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        }

        // The conversation's own cap: 3,000 + 3,000 > 5,000.
        using (var full = await UploadAsync(http, first, SampleFiles.PngOfSize(3000)))
        {
            Assert.Equal(HttpStatusCode.RequestEntityTooLarge, full.StatusCode);
            Assert.Contains("start a new conversation", (await ReadJsonAsync(full)).GetProperty("error").GetProperty("message").GetString(), StringComparison.Ordinal);
        }

        var second = await StartConversationAsync(http);
        using (var accepted = await UploadAsync(http, second, SampleFiles.PngOfSize(4000)))
        {
            Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        }

        // All anonymous conversations together: 3,000 + 4,000 + 3,000 > 9,000, though the third is within its own cap.
        var third = await StartConversationAsync(http);
        using (var refused = await UploadAsync(http, third, SampleFiles.PngOfSize(3000)))
        {
            Assert.Equal(HttpStatusCode.InsufficientStorage, refused.StatusCode);
            var error = (await ReadJsonAsync(refused)).GetProperty("error");
            Assert.Equal("QuotaExceeded", error.GetProperty("code").GetString());
            Assert.Contains("cannot take more files", error.GetProperty("message").GetString(), StringComparison.Ordinal);
        }

        var (log, _) = await third.PollAsync("1");
        Assert.Empty(log);
    }

    [Fact]
    public async Task AConversationWhoseUserNeverPostedIsPurgedAfterTheUnusedRetentionWhileAUsedOneIsKept()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2027, 3, 1, 1, 0, 0, TimeSpan.Zero));
        var http = Start(new() { ["DirectLine:UnusedConversationRetention"] = "00:30:00", ["DirectLine:ConversationRetention"] = "1.00:00:00" }, time);
        var unused = await StartConversationAsync(http);
        var used = await StartConversationAsync(http);
        await used.PostMessageAsync("halo", "client-used");
        await used.PollUntilAsync("1", activities => activities.Any(a => Role(a) == "bot"));

        var conversations = _hosts[^1].Services.GetRequiredService<DirectLineConversations>();

        // Each token request runs the purge (at most every few minutes); Find reads without touching.
        time.Advance(TimeSpan.FromMinutes(20));
        await new DirectLineTestClient(http).GenerateAsync();
        Assert.NotNull(conversations.Find(unused.ConversationId));

        time.Advance(TimeSpan.FromMinutes(11));
        await new DirectLineTestClient(http).GenerateAsync();
        Assert.Null(conversations.Find(unused.ConversationId));
        Assert.NotNull(conversations.Find(used.ConversationId));
        var tokens = _hosts[^1].Services.GetRequiredService<DirectLineTokens>();
        unused.Token = tokens.Issue(unused.ConversationId, unused.UserId, null).Token;
        Assert.Equal(HttpStatusCode.NotFound, await ActivitiesStatusAsync(unused));
    }

    public void Dispose()
    {
        for (var i = _owned.Count - 1; i >= 0; i--)
        {
            _owned[i].Dispose();
        }

        _data.Dispose();
    }

    private static async Task<HttpStatusCode> ActivitiesStatusAsync(DirectLineTestClient client)
    {
        using var response = await client.SendAsync(HttpMethod.Get, $"{Base}/conversations/{client.ConversationId}/activities?watermark=");
        return response.StatusCode;
    }

    private static async Task<DirectLineTestClient> StartConversationAsync(HttpClient http)
    {
        var client = new DirectLineTestClient(http);
        await client.GenerateAsync();
        await client.StartAsync();
        await client.PollUntilAsync("", 1);
        return client;
    }

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient http, DirectLineTestClient client, byte[] png)
    {
        using var form = new MultipartFormDataContent();
        var activity = new ByteArrayContent("""{"type":"message","text":"ini buktinya","channelData":{"attachmentSizes":[1]}}"""u8.ToArray());
        activity.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.microsoft.activity");
        form.Add(activity, "activity", "blob");
        var file = new ByteArrayContent(png);
        file.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        form.Add(file, "file", "bukti.png");
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{Base}/conversations/{client.ConversationId}/upload") { Content = form };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", client.Token);
        return await http.SendAsync(request, TestContext.Token);
    }

    private HttpClient Start(Dictionary<string, string?> settings, TimeProvider? time = null)
    {
        var host = new KestrelHost(_data.Path, settings, time);
        _owned.Add(host);
        _hosts.Add(host);
        var http = host.CreateNetworkClient();
        _owned.Add(http);
        return http;
    }
}
