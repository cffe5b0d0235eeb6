using Bot.Knowledge.Language;
using Bot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using static Bot.Tests.Host.DirectLine.DirectLineTestClient;

namespace Bot.Tests.Host.DirectLine;

/// <summary>
/// A POST is acknowledged only once its turn has committed. The kill test (three hosts on PostgreSQL) lost a web chat
/// message: the host that had answered its POST was killed before the turn committed, so the client waited for a reply
/// that never came instead of sending the message again. Here the turn is held in its understanding step (the safety
/// screen waits for the test) and the POST must not be answered until it is let go; then the log already holds the echo
/// and the reply. Real Kestrel, real LiteDB.
/// </summary>
public sealed class DirectLineAcknowledgementTests : IDisposable
{
    private readonly TempDirectory _data = new();
    private readonly HeldScreen _screen = new();

    [Fact]
    public async Task APostIsAnsweredOnlyAfterItsTurnCommittedAndThenTheLogHoldsTheEchoAndTheReply()
    {
        await using var host = new KestrelHost(
            _data.Path,
            services: services =>
            {
                var original = services.Last(d => d.ServiceType == typeof(ISafetyScreen));
                services.AddSingleton<ISafetyScreen>(sp => _screen.Around((ISafetyScreen)original.ImplementationFactory!(sp)));
            });
        using var http = host.CreateNetworkClient();
        var client = new DirectLineTestClient(http);
        await client.GenerateAsync();
        await client.StartAsync();
        var (_, watermark) = await client.PollUntilAsync("", 1);

        _screen.Hold("bantuan");
        var post = client.PostMessageAsync("bantuan", "held-1");
        Assert.True(await _screen.Reached.Task.WaitAsync(TimeSpan.FromMinutes(2), TestContext.Token), "the turn never reached its understanding step");
        var answered = await Task.WhenAny(post, Task.Delay(TimeSpan.FromMilliseconds(500), TestContext.Token));
        Assert.NotSame(post, answered);

        _screen.Release();
        var postedId = await post.WaitAsync(TimeSpan.FromMinutes(1), TestContext.Token);
        var (activities, _) = await client.PollAsync(watermark);
        Assert.Equal(postedId, activities[0].GetProperty("id").GetString());
        Assert.Contains(activities, a => Role(a) == "bot" && a.TryGetProperty("replyToId", out var to) && to.GetString() == postedId);
    }

    public void Dispose()
    {
        _screen.Release();
        _screen.Dispose();
        _data.Dispose();
    }

    /// <summary>Holds the screening of a message containing the given word until released, and says when it got there.</summary>
    private sealed class HeldScreen : IDisposable
    {
        private readonly ManualResetEventSlim _gate = new(true);
        private string? _word;

        public TaskCompletionSource<bool> Reached { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public void Hold(string word)
        {
            _word = word;
            _gate.Reset();
        }

        public void Release() => _gate.Set();

        public void Dispose() => _gate.Dispose();

        public ISafetyScreen Around(ISafetyScreen inner) => new Holding(this, inner);

        private sealed class Holding(HeldScreen held, ISafetyScreen inner) : ISafetyScreen
        {
            public SafetyConcern Screen(string text)
            {
                if (held._word is { } word && text.Contains(word, StringComparison.Ordinal))
                {
                    held.Reached.TrySetResult(true);
                    held._gate.Wait(TimeSpan.FromMinutes(2));
                }

                return inner.Screen(text);
            }
        }
    }
}
