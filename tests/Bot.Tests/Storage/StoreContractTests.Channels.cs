using Bot.Host.Channels.WhatsApp;

namespace Bot.Tests.Storage;

/// <summary>The contract of the channels' stores moved to PostgreSQL so far.</summary>
public abstract partial class StoreContractTests
{
    [Fact]
    public void The_service_window_only_moves_forward()
    {
        var windows = Host.Get<IServiceWindowStore>();
        var at = new DateTimeOffset(2027, 3, 1, 8, 0, 0, TimeSpan.Zero);
        Assert.Null(windows.LastInboundAt("628111"));
        Assert.False(windows.IsOpen("628111", at));

        windows.Touch("628111", at);
        windows.Touch("628111", at.AddHours(-3));
        Assert.Equal(at, windows.LastInboundAt("628111"));
        Assert.True(windows.IsOpen("628111", at.AddHours(23)));
        Assert.False(windows.IsOpen("628111", at.AddHours(24)));
        windows.Touch("628111", at.AddHours(20));
        Assert.True(windows.IsOpen("628111", at.AddHours(24)));
    }

    [Fact]
    public void A_numbered_choice_is_used_once()
    {
        var choices = Host.Get<INumberedChoiceStore>();
        choices.Remember("628111", ["Ya", "Tidak"]);
        choices.Remember("628111", ["Pencegahan", "Pemberantasan", "Rehabilitasi"]);
        Assert.Equal("Pemberantasan", choices.Resolve("628111", " 2 "));
        Assert.Null(choices.Resolve("628111", "2"));

        choices.Remember("628111", ["Ya", "Tidak"]);
        Assert.Null(choices.Resolve("628111", "3"));
        Assert.Null(choices.Resolve("628111", "1"));
        choices.Remember("628222", ["Ya"]);
        Assert.Null(choices.Resolve("628222", "satu"));
        Assert.Null(choices.Resolve("628999", "1"));
    }
}
