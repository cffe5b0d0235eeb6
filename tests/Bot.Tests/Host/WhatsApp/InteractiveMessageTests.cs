using System.Text.Json.Nodes;

namespace Bot.Tests.Host.WhatsApp;

public sealed class InteractiveMessageTests : WhatsAppFixture
{
    [Fact]
    public async Task UpToThreeShortChoicesBecomeReplyButtonsWhoseIdsAreTheValues()
    {
        var host = await StartHostAsync();

        await PostOkAsync(host, Webhook.Envelope([Webhook.Text("wamid.in.b", "pilih 3", DateTimeOffset.UtcNow)]));

        var send = Assert.Single(await Graph.WaitForAcceptedAsync(1));
        Assert.Equal("button", send["interactive"]?["type"]?.GetValue<string>());
        Assert.Equal("Silakan *pilih* satu:", InteractiveBody(send));
        var buttons = send["interactive"]!["action"]!["buttons"]!.AsArray();
        Assert.Equal(["Opsi 1", "Opsi 2", "Opsi 3"], buttons.Select(b => b!["reply"]!["id"]!.GetValue<string>()));
        Assert.All(buttons, b => Assert.Equal("reply", b!["type"]!.GetValue<string>()));
    }

    [Fact]
    public async Task FourToTenChoicesBecomeAListWithLongTitlesCutAndDescribed()
    {
        var host = await StartHostAsync();

        await PostOkAsync(host, Webhook.Envelope([Webhook.Text("wamid.in.l", "pilih panjang 10", DateTimeOffset.UtcNow)]));

        var send = Assert.Single(await Graph.WaitForAcceptedAsync(1));
        Assert.Equal("list", send["interactive"]?["type"]?.GetValue<string>());
        Assert.Equal("Pilih", send["interactive"]!["action"]!["button"]!.GetValue<string>());
        var rows = send["interactive"]!["action"]!["sections"]![0]!["rows"]!.AsArray();
        Assert.Equal(10, rows.Count);
        Assert.All(rows, r => Assert.True(r!["title"]!.GetValue<string>().Length <= 24));
        Assert.Equal("Kegiatan sosialisasi no…", rows[0]!["title"]!.GetValue<string>());
        Assert.Equal("Kegiatan sosialisasi nomor 10", rows[9]!["description"]!.GetValue<string>());
        Assert.Equal("Kegiatan sosialisasi nomor 10", rows[9]!["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task MoreThanTenChoicesAreNumberedAndANumberAnswersTheNextTurn()
    {
        var host = await StartHostAsync();

        await PostOkAsync(host, Webhook.Envelope([Webhook.Text("wamid.in.n1", "pilih 12", DateTimeOffset.UtcNow)]));
        var numbered = Assert.Single(await Graph.WaitForAcceptedAsync(1));
        await PostOkAsync(host, Webhook.Envelope([Webhook.Text("wamid.in.n2", "12", DateTimeOffset.UtcNow)]));
        var sends = await Graph.WaitForAcceptedAsync(2);
        await PostOkAsync(host, Webhook.Envelope([Webhook.Text("wamid.in.n3", "12", DateTimeOffset.UtcNow)]));
        await Graph.WaitForAcceptedAsync(3);

        Assert.Equal("text", Type(numbered));
        Assert.Contains("\n12. Opsi 12", TextBody(numbered), StringComparison.Ordinal);
        Assert.Equal("dipilih: Opsi 12", TextBody(sends[1]));
        // The numbering answers one message only: a later "12" is just text.
        Assert.Equal("12", Recorder.Seen[^1].Text);
    }

    [Fact]
    public async Task ButtonListAndTemplateTapsArriveAsTheirIds()
    {
        var host = await StartHostAsync();
        var now = DateTimeOffset.UtcNow;
        var button = Webhook.Message("wamid.in.t1", "interactive", now, Webhook.User, new JsonObject
        {
            ["type"] = "button_reply",
            ["button_reply"] = new JsonObject { ["id"] = "Opsi 2", ["title"] = "Opsi 2" },
        });
        button["context"] = new JsonObject { ["from"] = Webhook.PhoneNumberId, ["id"] = "wamid.out.earlier" };
        var list = Webhook.Message("wamid.in.t2", "interactive", now.AddSeconds(1), Webhook.User, new JsonObject
        {
            ["type"] = "list_reply",
            ["list_reply"] = new JsonObject { ["id"] = "Kegiatan sosialisasi nomor 9", ["title"] = "Kegiatan sosialisasi no…", ["description"] = "x" },
        });
        var template = Webhook.Message("wamid.in.t3", "button", now.AddSeconds(2), Webhook.User, new JsonObject { ["payload"] = "Opsi 5", ["text"] = "Sudah" });

        await PostOkAsync(host, Webhook.Envelope([button, list, template]));

        var sends = await Graph.WaitForAcceptedAsync(3);
        Assert.Equal(["dipilih: Opsi 2", "dipilih: Kegiatan sosialisasi nomor 9", "dipilih: Opsi 5"], sends.Select(TextBody));
        var tap = Recorder.Seen[0];
        Assert.Equal("wamid.out.earlier", tap.ReplyToId);
        Assert.Equal("Opsi 2", tap.Value?.GetProperty("title").GetString());
    }

    [Fact]
    public async Task ALocationBecomesGeoCoordinatesAndASummary()
    {
        var host = await StartHostAsync();
        var location = Webhook.Message("wamid.in.loc", "location", DateTimeOffset.UtcNow, Webhook.User, new JsonObject
        {
            ["latitude"] = -2.7712,
            ["longitude"] = 115.2456,
            ["name"] = "Balai Desa Kandangan",
        });

        await PostOkAsync(host, Webhook.Envelope([location]));
        await Graph.WaitForAcceptedAsync(1);

        var seen = Assert.Single(Recorder.Seen);
        Assert.Equal("Lokasi: Balai Desa Kandangan (-2.7712, 115.2456)", seen.Text);
        var entity = Assert.Single(seen.Entities!);
        Assert.Equal("GeoCoordinates", entity.GetProperty("type").GetString());
        Assert.Equal(-2.7712, entity.GetProperty("latitude").GetDouble());
    }

    [Fact]
    public async Task AnUnsupportedMessageGetsAPoliteAnswerWithoutATurn()
    {
        var host = await StartHostAsync();
        var voice = Webhook.Message("wamid.in.voice", "audio", DateTimeOffset.UtcNow, Webhook.User, new JsonObject { ["id"] = "AUDIO1", ["mime_type"] = "audio/ogg" });

        await PostOkAsync(host, Webhook.Envelope([voice]));

        var send = Assert.Single(await Graph.WaitForAcceptedAsync(1));
        Assert.Contains("teks, foto, dokumen", TextBody(send), StringComparison.Ordinal);
        Assert.Empty(Recorder.Seen);
    }

    [Fact]
    public async Task ALongAnswerGoesOutAsOrderedPiecesWithTheButtonsLast()
    {
        var host = await StartHostAsync(new Dictionary<string, string?> { ["WhatsApp:MinSendInterval"] = "00:00:00.050" });

        await PostOkAsync(host, Webhook.Envelope([Webhook.Text("wamid.in.long", "panjang", DateTimeOffset.UtcNow)]));

        var sends = await Graph.WaitForAcceptedAsync(4);
        for (var i = 0; i < 100 && Type(sends[^1]) != "interactive"; i++)
        {
            await Task.Delay(50);
            sends = Graph.Accepted;
        }

        var texts = sends.Take(sends.Count - 1).ToList();
        Assert.All(texts, s => Assert.Equal("text", Type(s)));
        Assert.All(texts, s => Assert.True(TextBody(s)!.Length <= 4096));
        Assert.Equal("Silakan pilih:", InteractiveBody(sends[^1]));
        var numbers = string.Join("\n\n", texts.Select(TextBody)).Split("\n\n").Select(p => int.Parse(p["Paragraf ".Length..], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(Enumerable.Range(1, 900), numbers);
    }
}
