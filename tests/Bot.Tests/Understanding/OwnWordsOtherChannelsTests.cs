using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Bot.Tests.Host.BotFramework;
using Bot.Tests.Host.WhatsApp;
using Bot.Tests.Support;
using Microsoft.Extensions.Time.Testing;
using static Bot.Tests.Host.BotFramework.BotFrameworkRequests;

namespace Bot.Tests.Understanding;

/// <summary>
/// Own words over the other two channels (issue 12, "Done when"): /api/messages with expectReplies, and WhatsApp
/// over signed webhooks to the stub Graph server. The web chat has <see cref="OwnWordsChannelTests"/>.
/// </summary>
public sealed partial class OwnWordsOtherChannelsTests : WhatsAppFixture
{
    private const string Coordinator = "6289990002222";
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2027, 6, 2, 1, 0, 0, TimeSpan.Zero));
    private WhatsAppTestHost _host = null!;
    private int _inbound;

    [Fact]
    public async Task AResidentsOwnWordsReachHelpAndTheTipLineOverApiMessages()
    {
        await using var app = new BotApplication();
        var client = app.CreateClient();

        var help = await ReadRepliesAsync(await PostAsync(client, Some.Message("c-own", "u-own", "bisa bantu apa aja?").ExpectingReplies()));
        Assert.Contains(help, r => r.Text?.Contains("Yang bisa saya lakukan", StringComparison.Ordinal) == true);

        var tip = await ReadRepliesAsync(await PostAsync(client, Some.Message("c-own", "u-own", "mau lapor ada yg jualan sabu").ExpectingReplies()));
        Assert.Contains(tip, r => r.Text?.Contains("Lapor narkoba (anonim)", StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task ACoordinatorsAndAResidentsOwnWordsReachTheirFlowsOverWhatsApp()
    {
        _host = await StartHostAsync(new Dictionary<string, string?> { ["Bot:Coordinators:0"] = "whatsapp|" + Coordinator }, _time);
        await SayAsync(Coordinator, "tambah opd Dinas Kesehatan (Dinkes) WITA", "tersimpan");

        // An invite asked for in WhatsApp Indonesian, the OPD named by its short name in lower case.
        var invite = await SayAsync(Coordinator, "tolong buatin kode undangan utk dinkes ya", "Dinas Kesehatan");
        Assert.Matches(InviteCode(), invite);

        await SayAsync(Coordinator, "siapa aja yg blm lapor?", "lapor");
        await SayAsync(Webhook.User, "mau lapor ada yg jualan sabu", "Lapor narkoba (anonim)");
    }

    private async Task<string> SayAsync(string from, string text, string expected)
    {
        _time.Advance(TimeSpan.FromSeconds(1));
        var before = Graph.Accepted.Count;
        using (var response = await _host.PostAsync(Webhook.Envelope([Webhook.Text("wamid.in.own." + Interlocked.Increment(ref _inbound), text, _time.GetUtcNow(), from)])))
        {
            Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        }

        return await EventuallyAsync(() =>
        {
            var answer = string.Join("\n", Graph.Accepted.Skip(before).Where(s => s["to"]?.GetValue<string>() == from).Select(Body));
            return answer.Contains(expected, StringComparison.OrdinalIgnoreCase) ? answer : null;
        });
    }

    private static string Body(JsonObject send) => TextBody(send) ?? InteractiveBody(send) ?? send.ToJsonString();

    [GeneratedRegex(@"\*\*?([A-Z0-9]{8})\*\*?")]
    private static partial Regex InviteCode();
}
