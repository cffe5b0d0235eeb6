using Bot.Dialogs.Activities;
using Bot.Dialogs.Engine;
using Bot.Dialogs.Engine.RateLimiting;
using Bot.Dialogs.Storage;
using Bot.Tests.Support;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Bot.Tests.Reliability;

/// <summary>Per-user rate limiting in the turn pipeline: a burst, then the per-minute rate, told once per wait.</summary>
public sealed class TurnRateLimiterTests : IDisposable
{
    private readonly TempDirectory _folder = new();

    private DialogsHost Host(int perMinute = 6, int burst = 3) => new(_folder.Path, settings: new Dictionary<string, string?>
    {
        ["RateLimit:TurnsPerMinute"] = perMinute.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["RateLimit:Burst"] = burst.ToString(System.Globalization.CultureInfo.InvariantCulture),
    });

    [Fact]
    public async Task AfterTheBurstTheUserIsToldOnceHowLongToWaitAndNothingRuns()
    {
        using var host = Host();
        var turns = host.Get<TurnProcessor>();
        for (var i = 1; i <= 3; i++)
        {
            var ok = await turns.ProcessAsync(Message("u1", $"m{i}", "bantuan"), TestContext.Token);
            Assert.Equal(TurnStatus.Completed, ok.Status);
        }

        var refused = await turns.ProcessAsync(Message("u1", "m4", "rencana aksi baru"), TestContext.Token);
        Assert.Equal(TurnStatus.Throttled, refused.Status);
        var notice = Assert.Single(refused.Replies);
        Assert.Equal("Terlalu banyak pesan. Coba lagi dalam 10 detik.", notice.Text);
        Assert.Equal("m4", notice.ReplyToId);

        var silent = await turns.ProcessAsync(Message("u1", "m5", "bantuan"), TestContext.Token);
        Assert.Equal(TurnStatus.Throttled, silent.Status);
        Assert.Empty(silent.Replies);

        // Nothing of the refused turns was stored: no dialog started, the ids are not marked as seen.
        Assert.Empty(host.Get<IConversationStateStore>().Load("test|c-u1").Stack);
        Assert.False(host.Get<IConversationStateStore>().Load("test|c-u1").HasProcessed("m4"));

        host.Time.Advance(TimeSpan.FromSeconds(10));
        var again = await turns.ProcessAsync(Message("u1", "m4", "bantuan"), TestContext.Token);
        Assert.Equal(TurnStatus.Completed, again.Status);
        Assert.DoesNotContain(again.Replies, r => r.Text?.Contains("Terlalu banyak", StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task TheNoticeFollowsTheUsersLanguage()
    {
        using var host = Host(perMinute: 2, burst: 1);
        var turns = host.Get<TurnProcessor>();
        await turns.ProcessAsync(Message("u1", "m1", "help") with { Locale = "en-US" }, TestContext.Token);

        var refused = await turns.ProcessAsync(Message("u1", "m2", "help") with { Locale = "en-US" }, TestContext.Token);

        Assert.Equal("Too many messages. Please try again in 30 seconds.", Assert.Single(refused.Replies).Text);
    }

    [Fact]
    public async Task EachAccountHasItsOwnBucket()
    {
        using var host = Host(perMinute: 1, burst: 1);
        var turns = host.Get<TurnProcessor>();
        await turns.ProcessAsync(Message("u1", "a1", "bantuan"), TestContext.Token);
        Assert.Equal(TurnStatus.Throttled, (await turns.ProcessAsync(Message("u1", "a2", "bantuan"), TestContext.Token)).Status);

        Assert.Equal(TurnStatus.Completed, (await turns.ProcessAsync(Message("u2", "b1", "bantuan"), TestContext.Token)).Status);
    }

    [Fact]
    public async Task ConversationUpdatesAreNotCounted()
    {
        using var host = Host(perMinute: 1, burst: 1);
        var turns = host.Get<TurnProcessor>();
        for (var i = 0; i < 5; i++)
        {
            var update = Some.ConversationUpdate("c-u1", "u1") with { Id = $"cu{i}" };
            Assert.Equal(TurnStatus.Completed, (await turns.ProcessAsync(update, TestContext.Token)).Status);
        }

        Assert.Equal(TurnStatus.Completed, (await turns.ProcessAsync(Message("u1", "m1", "bantuan"), TestContext.Token)).Status);
    }

    [Fact]
    public async Task ZeroTurnsPerMinuteTurnsTheLimitOff()
    {
        using var host = Host(perMinute: 0, burst: 1);
        var turns = host.Get<TurnProcessor>();
        for (var i = 0; i < 40; i++)
        {
            Assert.Equal(TurnStatus.Completed, (await turns.ProcessAsync(Message("u1", $"m{i}", "bantuan"), TestContext.Token)).Status);
        }
    }

    [Fact]
    public void IdleBucketsAreForgottenSoMemoryStaysFlat()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2027, 3, 1, 1, 0, 0, TimeSpan.Zero));
        using var limiter = new TurnRateLimiter(new StaticOptions(new RateLimitOptions { TurnsPerMinute = 30, Burst = 10 }), time);
        for (var i = 0; i < 5000; i++)
        {
            Assert.True(limiter.TryAcquire($"test|user{i}").IsAllowed);
        }

        time.Advance(TimeSpan.FromMinutes(1));
        for (var i = 0; i < 5000; i++)
        {
            limiter.TryAcquire($"test|other{i}");
        }

        // The partitioned limiter drops buckets that have been full for 10 s on its own heartbeat; wait for that to
        // show, not for a set time. The 5,000 still refilling are kept.
        Assert.True(SpinWait.SpinUntil(() => limiter.TrackedUsers <= 5000, TimeSpan.FromSeconds(30)), $"{limiter.TrackedUsers} buckets kept");
        Assert.Equal(5000, limiter.TrackedUsers);
    }

    [Fact]
    public void ABucketCountsAsIdleOnlyOnceItIsFullAgain()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2027, 3, 1, 1, 0, 0, TimeSpan.Zero));
        using var bucket = new ClockedTokenBucket(tokenLimit: 10, tokensPerMinute: 30, time);
        Assert.Equal(TimeSpan.Zero, bucket.IdleDuration);
        for (var i = 0; i < 10; i++)
        {
            Assert.True(bucket.AttemptAcquire().IsAcquired);
        }

        // Ten tokens at 30 a minute take 20 s to come back: until then the user's debt must not be forgotten.
        time.Advance(TimeSpan.FromSeconds(19));
        Assert.Null(bucket.IdleDuration);
        time.Advance(TimeSpan.FromSeconds(15));
        Assert.Equal(TimeSpan.FromSeconds(14), bucket.IdleDuration);
    }

    [Fact]
    public void TheRateRefillsContinuously()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2027, 3, 1, 1, 0, 0, TimeSpan.Zero));
        using var limiter = new TurnRateLimiter(new StaticOptions(new RateLimitOptions { TurnsPerMinute = 30, Burst = 2 }), time);
        Assert.True(limiter.TryAcquire("k").IsAllowed);
        Assert.True(limiter.TryAcquire("k").IsAllowed);
        var refused = limiter.TryAcquire("k");
        Assert.False(refused.IsAllowed);
        Assert.Equal(TimeSpan.FromSeconds(2), refused.RetryAfter);

        time.Advance(TimeSpan.FromSeconds(1.9));
        Assert.False(limiter.TryAcquire("k").IsAllowed);
        time.Advance(TimeSpan.FromSeconds(0.2));
        Assert.True(limiter.TryAcquire("k").IsAllowed);
    }

    public void Dispose() => _folder.Dispose();

    private static Activity Message(string user, string id, string text) => Some.Message("c-" + user, user, text) with { Id = id };

    private sealed class StaticOptions(RateLimitOptions value) : IOptionsMonitor<RateLimitOptions>
    {
        public RateLimitOptions CurrentValue => value;

        public RateLimitOptions Get(string? name) => value;

        public IDisposable? OnChange(Action<RateLimitOptions, string?> listener) => null;
    }
}
