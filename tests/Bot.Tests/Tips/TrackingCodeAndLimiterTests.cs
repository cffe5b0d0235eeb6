using Bot.Dialogs.Tips;
using Microsoft.Extensions.Time.Testing;

namespace Bot.Tests.Tips;

public sealed class TrackingCodeAndLimiterTests
{
    [Fact]
    public void CodesLookLikeTheExampleAndDoNotRepeat()
    {
        var codes = Enumerable.Range(0, 2000).Select(_ => TrackingCode.New()).ToList();

        Assert.All(codes, c => Assert.Matches("^TIP-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}$", c));
        Assert.Equal(codes.Count, codes.Distinct().Count());
    }

    [Theory]
    [InlineData("TIP-7K3Q-9XWD", "TIP-7K3Q-9XWD")]
    [InlineData("tip 7k3q 9xwd", "TIP-7K3Q-9XWD")]
    [InlineData("7K3Q9XWD", "TIP-7K3Q-9XWD")]
    [InlineData(" TIP7K3Q-9XWD. ", "TIP-7K3Q-9XWD")]
    [InlineData("TIP-7K3Q-9XW", null)]
    [InlineData("TIP-7K3Q-9XW0", null)]
    [InlineData("", null)]
    public void NormalizesWhatPeopleType(string input, string? expected) => Assert.Equal(expected, TrackingCode.Normalize(input));

    [Fact]
    public void TheLimiterRefusesBeyondTheLimitAndForgetsAfterTheWindow()
    {
        var time = new FakeTimeProvider();
        using var limiter = new TipRateLimiter(time);
        var window = TimeSpan.FromHours(1);

        Assert.True(limiter.TryAcquire("submit", "whatsapp|6281234567890", 2, window));
        Assert.True(limiter.TryAcquire("submit", "whatsapp|6281234567890", 2, window));
        Assert.False(limiter.TryAcquire("submit", "whatsapp|6281234567890", 2, window));
        Assert.True(limiter.TryAcquire("submit", "whatsapp|6289999999999", 2, window));
        Assert.True(limiter.TryAcquire("lookup", "whatsapp|6281234567890", 2, window));

        time.Advance(window + TimeSpan.FromSeconds(1));

        Assert.True(limiter.TryAcquire("submit", "whatsapp|6281234567890", 2, window));

        // Partitions whose window has been empty for 10 s are dropped on the partitioned limiter's own heartbeat:
        // wait for that to show. Only the sender who just tried again is still held.
        time.Advance(TimeSpan.FromSeconds(11));
        Assert.True(SpinWait.SpinUntil(() => limiter.TrackedSenders == 1, TimeSpan.FromSeconds(30)), $"{limiter.TrackedSenders} senders kept");
    }

    [Fact]
    public void AskingWhetherTheLimitIsReachedCountsNothing()
    {
        using var limiter = new TipRateLimiter(new FakeTimeProvider());
        var window = TimeSpan.FromHours(1);
        Assert.False(limiter.IsExhausted("submit", "whatsapp|6281234567890", 1, window));
        Assert.False(limiter.IsExhausted("submit", "whatsapp|6281234567890", 1, window));

        Assert.True(limiter.TryAcquire("submit", "whatsapp|6281234567890", 1, window));
        Assert.True(limiter.IsExhausted("submit", "whatsapp|6281234567890", 1, window));
    }
}
