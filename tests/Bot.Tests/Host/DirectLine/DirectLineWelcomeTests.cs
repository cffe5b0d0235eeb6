using System.Net;
using Bot.Host.Storage.LiteDb;
using Bot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using static Bot.Tests.Host.DirectLine.DirectLineTestClient;

namespace Bot.Tests.Host.DirectLine;

/// <summary>
/// Starting a conversation writes nothing of its own: that it started (and its locale) is written by the welcome turn's
/// commit, so a conversation costs one fsync'd transaction less (BENCHMARKS.md "Load", session 13), and a welcome that
/// was not kept leaves the conversation unstarted, so Web Chat's next start or reconnect welcomes the user after all.
/// Before, <c>POST conversations</c> wrote the record in a transaction of its own: on a full disk it answered 503, and a
/// welcome lost after that write was never sent. Real Kestrel, real LiteDB, the disk made full at the file boundary.
/// </summary>
public sealed class DirectLineWelcomeTests : IDisposable
{
    private readonly TempDirectory _data = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2027, 3, 1, 1, 0, 0, TimeSpan.Zero));
    private readonly KestrelHost _host;
    private readonly HttpClient _http;
    private readonly DirectLineTestClient _client;

    public DirectLineWelcomeTests()
    {
        _host = new KestrelHost(_data.Path, time: _time);
        _http = _host.CreateNetworkClient();
        _client = new DirectLineTestClient(_http);
    }

    [Fact]
    public async Task AWelcomeNotKeptLeavesTheConversationUnstartedAndTheReconnectWelcomesOnce()
    {
        await _client.GenerateAsync();
        var faults = _host.Services.GetRequiredService<StorageFaultInjection>();
        faults.DiskFull = true;

        // The start itself writes nothing, so it is answered; its welcome turn cannot commit and is not kept.
        Assert.Equal(HttpStatusCode.Created, (await _client.StartAsync()).Status);
        await WaitForReadinessAsync(HttpStatusCode.ServiceUnavailable);
        Assert.Empty((await _client.PollAsync("")).Activities);

        faults.DiskFull = false;
        _time.Advance(TimeSpan.FromSeconds(5));
        await WaitForReadinessAsync(HttpStatusCode.OK);

        // Web Chat's reconnect starts what was not started: the welcome comes now, once, and the record says started.
        using (var reconnect = await _client.SendAsync(HttpMethod.Get, $"{Base}/conversations/{_client.ConversationId}?watermark="))
        {
            Assert.Equal(HttpStatusCode.OK, reconnect.StatusCode);
        }

        var (welcome, _) = await _client.PollUntilAsync("", 1);
        Assert.Equal("bot", Role(Assert.Single(welcome)));
        Assert.Equal(HttpStatusCode.OK, (await _client.StartAsync()).Status);
        Assert.Single((await _client.PollAsync("")).Activities);
    }

    public void Dispose()
    {
        _http.Dispose();
        _host.Dispose();
        _data.Dispose();
    }

    /// <summary>Readiness follows the storage: unavailable once a write failed, available after a probe write succeeded.</summary>
    private async Task WaitForReadinessAsync(HttpStatusCode expected)
    {
        for (var attempt = 0; attempt < 200; attempt++)
        {
            using var response = await _http.GetAsync("/readyz", TestContext.Token);
            if (response.StatusCode == expected)
            {
                return;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(50), TimeProvider.System, TestContext.Token);
        }

        Assert.Fail($"/readyz never answered {expected}");
    }
}
