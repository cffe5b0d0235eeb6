using System.Text.Json.Nodes;
using Bot.Host.Channels.WhatsApp;
using Bot.Tests.Host.BotFramework;
using Bot.Tests.Support;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace Bot.Tests.Host.WhatsApp;

/// <summary>
/// Message sends through the channel's real Graph client (its HttpClient and resilience pipeline from AddWhatsApp)
/// against a loopback Graph that answers as scripted: which answers are retried, how long each wait is (observed
/// through the clock), that the attempts stop where configured, and that a timed-out send is not repeated.
/// </summary>
public sealed class GraphSendRetryTests : IAsyncLifetime
{
    private static readonly JsonObject Body = new() { ["messaging_product"] = "whatsapp", ["to"] = "6281200000001", ["type"] = "text", ["text"] = new JsonObject { ["body"] = "halo" } };

    private readonly Queue<Func<HttpResponse, Task>> _script = new();
    private LoopbackServer _graph = null!;

    public async Task InitializeAsync() =>
        _graph = await LoopbackServer.StartAsync((_, response) =>
        {
            Func<HttpResponse, Task>? next;
            lock (_script)
            {
                _script.TryDequeue(out next);
            }

            return next is not null ? next(response) : response.WriteAsJsonAsync(new { messaging_product = "whatsapp", messages = new[] { new { id = "wamid.ok" } } });
        });

    public async Task DisposeAsync() => await _graph.DisposeAsync();

    [Fact]
    public async Task AThrottlingCodeInTheBodyIsRetriedAfterRetryAfterAndSentOnce()
    {
        var time = new ScriptedTimeProvider();
        Refuse(400, 131056, retryAfter: "9");

        var result = await SendAsync(time);

        Assert.Equal("wamid.ok", result.MessageId);
        Assert.Equal(2, result.Attempts);
        Assert.Equal(2, _graph.Requests.Count);
        Assert.Equal(_graph.Requests[0].Body, _graph.Requests[1].Body);
        Assert.Equal([TimeSpan.FromSeconds(9)], time.Waits);
    }

    [Fact]
    public async Task WithoutRetryAfterEachWaitIsFourTimesLongerAndRetryAfterNeverShortensIt()
    {
        var time = new ScriptedTimeProvider();
        Refuse(429, 130429);
        Refuse(400, 4, retryAfter: "2");

        var result = await SendAsync(time);

        Assert.True(result.Succeeded);
        Assert.Equal([TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(4)], time.Waits);
    }

    [Fact]
    public async Task NoWaitIsLongerThanMaxRetryDelayWhateverRetryAfterSays()
    {
        var time = new ScriptedTimeProvider();
        Refuse(503, 0, retryAfter: "3600");

        await SendAsync(time);

        Assert.Equal([TimeSpan.FromSeconds(64)], time.Waits);
    }

    [Fact]
    public async Task AfterTheConfiguredAttemptsTheRateLimitIsReported()
    {
        var time = new ScriptedTimeProvider();
        for (var i = 0; i < 5; i++)
        {
            Refuse(400, 131056);
        }

        var result = await SendAsync(time, new() { ["WhatsApp:MaxSendAttempts"] = "3" });

        Assert.False(result.Succeeded);
        Assert.True(result.IsRateLimited);
        Assert.Equal(131056, result.ErrorCode);
        Assert.Equal(3, result.Attempts);
        Assert.Equal(3, _graph.Requests.Count);
        Assert.Equal([TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(4)], time.Waits);
    }

    [Fact]
    public async Task AnErrorThatIsNotARateLimitIsReportedAtOnce()
    {
        var time = new ScriptedTimeProvider();
        Refuse(400, 131009);

        var result = await SendAsync(time);

        Assert.Equal((400, 131009, 1), (result.HttpStatus, result.ErrorCode, result.Attempts));
        Assert.Single(_graph.Requests);
        Assert.Empty(time.Waits);
    }

    [Fact]
    public async Task ASendThatTimesOutIsReportedAndNotRepeated()
    {
        var time = new FakeTimeProvider(ScriptedTimeProvider.DefaultStart);
        var arrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_script)
        {
            _script.Enqueue(async response =>
            {
                arrived.TrySetResult();
                await release.Task;
                response.StatusCode = StatusCodes.Status429TooManyRequests;
            });
        }

        var sending = SendAsync(time, new() { ["WhatsApp:GraphTimeout"] = "00:00:10" });
        await arrived.Task.WaitAsync(TestContext.Token);
        time.Advance(TimeSpan.FromSeconds(10));
        var result = await sending.WaitAsync(TestContext.Token);
        release.TrySetResult();

        Assert.True(result.TimedOut);
        Assert.Single(_graph.Requests);
    }

    private void Refuse(int status, int code, string? retryAfter = null)
    {
        lock (_script)
        {
            _script.Enqueue(response =>
            {
                response.StatusCode = status;
                if (retryAfter is not null)
                {
                    response.Headers.RetryAfter = retryAfter;
                }

                return response.WriteAsJsonAsync(new { error = new { message = "Planned failure", type = "OAuthException", code, fbtrace_id = "stub" } });
            });
        }
    }

    private async Task<GraphSendResult> SendAsync(TimeProvider time, Dictionary<string, string?>? settings = null)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(WhatsAppTestHost.Settings(_graph.BaseAddress))
            .AddInMemoryCollection(new Dictionary<string, string?> { ["WhatsApp:RetryBaseDelay"] = "00:00:01" })
            .AddInMemoryCollection(settings ?? [])
            .Build();
        var services = new ServiceCollection().AddLogging(l => l.SetMinimumLevel(LogLevel.Warning)).AddSingleton(time);
        services.AddWhatsApp(configuration);
        await using var provider = services.BuildServiceProvider();
        return await provider.GetRequiredService<GraphClient>().SendAsync(Webhook.PhoneNumberId, Body, TestContext.Token);
    }
}
