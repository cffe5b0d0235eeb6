using System.Net;
using System.Text;
using Bot.Host.Channels.WhatsApp;
using Bot.Tests.Support;

namespace Bot.Tests.Host.WhatsApp;

public sealed class WebhookTests : WhatsAppFixture
{
    [Fact]
    public async Task VerificationEchoesTheChallengeWhenTheTokenMatches()
    {
        var host = await StartHostAsync();

        using var ok = await host.Client.GetAsync($"/api/whatsapp?hub.mode=subscribe&hub.verify_token={Webhook.VerifyToken}&hub.challenge=1158201444", TestContext.Token);
        using var wrong = await host.Client.GetAsync("/api/whatsapp?hub.mode=subscribe&hub.verify_token=guess&hub.challenge=1158201444", TestContext.Token);
        using var noMode = await host.Client.GetAsync($"/api/whatsapp?hub.verify_token={Webhook.VerifyToken}&hub.challenge=1158201444", TestContext.Token);

        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Equal("1158201444", await ok.Content.ReadAsStringAsync(TestContext.Token));
        Assert.Equal("text/plain", ok.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.Forbidden, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, noMode.StatusCode);
    }

    [Fact]
    public async Task ATextMessageIsAnsweredThroughGraphWithItsChoicesAsAList()
    {
        var host = await StartHostAsync();
        // Literal UTF-8 (not \u escapes): the signature must cover the raw bytes, not a re-encoding.
        var body = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(Webhook.Envelope([Webhook.Text("wamid.in.1", "bantuan", DateTimeOffset.UtcNow)]))
            .Replace("Fokal Satu", "Fokal Satu 😀 Ibu Sé", StringComparison.Ordinal));

        await PostOkAsync(host, body);

        var reply = Assert.Single(await Graph.WaitForAcceptedAsync(1));
        Assert.Equal(Webhook.User, reply["to"]?.GetValue<string>());
        Assert.Equal(Webhook.PhoneNumberId, reply["_phoneNumberId"]?.GetValue<string>());
        Assert.Equal("interactive", Type(reply));
        Assert.Equal("list", reply["interactive"]?["type"]?.GetValue<string>());
        Assert.Contains("*Tanya aturan*", InteractiveBody(reply), StringComparison.Ordinal);
        Assert.DoesNotContain("**", InteractiveBody(reply), StringComparison.Ordinal);
        var rows = reply["interactive"]!["action"]!["sections"]![0]!["rows"]!.AsArray();
        Assert.Equal(["Bantuan", "Tanya aturan", "Lapor narkoba", "Tentang Sinergi"], rows.Select(r => r!["id"]!.GetValue<string>()));
        var seen = Assert.Single(Recorder.Seen);
        Assert.Equal("whatsapp", seen.ChannelId);
        Assert.Equal(Webhook.PhoneNumberId + ":" + Webhook.User, seen.Conversation?.Id);
        Assert.Equal("Fokal Satu 😀 Ibu Sé", seen.From?.Name);
    }

    [Fact]
    public async Task ATamperedOrMissingSignatureIsRefusedAndNothingRuns()
    {
        var host = await StartHostAsync();
        var body = Webhook.Envelope([Webhook.Text("wamid.in.bad", "bantuan", DateTimeOffset.UtcNow)]);
        var signature = Webhook.Sign(body);
        var tampered = (byte[])body.Clone();
        tampered[^10] ^= 0x01;

        using var changedBody = await host.PostAsync(tampered, signature);
        using var wrongSecret = await host.PostAsync(body, Webhook.Sign(body, "not-the-secret"));
        using var missing = await host.PostAsync(body, sign: false);
        using var garbage = await host.PostAsync(body, "sha256=zz");

        Assert.Equal(HttpStatusCode.Unauthorized, changedBody.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, wrongSecret.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, missing.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, garbage.StatusCode);
        Assert.Null(host.Get<IWhatsAppInbox>().Get("wamid.in.bad"));

        // A valid message afterwards is the only one answered.
        await PostOkAsync(host, Webhook.Envelope([Webhook.Text("wamid.in.good", "halo", DateTimeOffset.UtcNow)]));
        await Graph.WaitForAcceptedAsync(1);
        Assert.Equal(["wamid.in.good"], Recorder.Seen.Select(a => a.Id));
    }

    [Fact]
    public async Task AReplayedMessageRunsOneTurn()
    {
        var host = await StartHostAsync();
        var body = Webhook.Envelope([Webhook.Text("wamid.in.replay", "bantuan", DateTimeOffset.UtcNow)]);

        await PostOkAsync(host, body);
        await PostOkAsync(host, body);
        await Graph.WaitForAcceptedAsync(1);
        await PostOkAsync(host, body);
        await PostOkAsync(host, Webhook.Envelope([Webhook.Text("wamid.in.next", "halo", DateTimeOffset.UtcNow)]));
        await Graph.WaitForAcceptedAsync(2);

        Assert.Equal(["wamid.in.replay", "wamid.in.next"], Recorder.Seen.Select(a => a.Id));
        Assert.Equal(2, Graph.Accepted.Count);
    }

    [Fact]
    public async Task MessagesBatchedOutOfOrderAreAnsweredInTimestampOrder()
    {
        var host = await StartHostAsync();
        var now = DateTimeOffset.UtcNow;

        await PostOkAsync(host, Webhook.Envelope([
            Webhook.Text("wamid.in.second", "pilih 1", now),
            Webhook.Text("wamid.in.first", "Opsi 7", now.AddSeconds(-5)),
        ]));

        var sends = await Graph.WaitForAcceptedAsync(2);
        Assert.Equal(["wamid.in.first", "wamid.in.second"], Recorder.Seen.Select(a => a.Id));
        Assert.Equal("dipilih: Opsi 7", TextBody(sends[0]));
        Assert.Equal("interactive", Type(sends[1]));
    }

    [Fact]
    public async Task MessagesPostedSeparatelyOutOfOrderWaitForTheReorderWindow()
    {
        var host = await StartHostAsync(new Dictionary<string, string?> { ["WhatsApp:ReorderWindow"] = "00:00:01.500" });
        var now = DateTimeOffset.UtcNow;

        await PostOkAsync(host, Webhook.Envelope([Webhook.Text("wamid.in.later", "pilih 1", now)]));
        await PostOkAsync(host, Webhook.Envelope([Webhook.Text("wamid.in.earlier", "Opsi 3", now.AddSeconds(-2))]));

        await Graph.WaitForAcceptedAsync(2);
        Assert.Equal(["wamid.in.earlier", "wamid.in.later"], Recorder.Seen.Select(a => a.Id));
    }

    [Fact]
    public async Task AnOversizedBodyIsRefusedWith413WithOrWithoutALength()
    {
        var host = await StartHostAsync(new Dictionary<string, string?> { ["WhatsApp:MaxBodyBytes"] = "2048" });
        var body = Webhook.Envelope([Webhook.Text("wamid.in.big", new string('x', 3000), DateTimeOffset.UtcNow)]);

        using var withLength = await host.PostAsync(body);
        using var chunked = new HttpRequestMessage(HttpMethod.Post, "/api/whatsapp")
        {
            Content = new StreamContent(new UnknownLengthStream(body)),
        };
        chunked.Headers.Add("X-Hub-Signature-256", Webhook.Sign(body));
        using var withoutLength = await host.Client.SendAsync(chunked, TestContext.Token);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, withLength.StatusCode);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, withoutLength.StatusCode);
        Assert.Null(host.Get<IWhatsAppInbox>().Get("wamid.in.big"));
    }

    [Fact]
    public async Task MalformedJsonWithAValidSignatureIsABadRequest()
    {
        var host = await StartHostAsync();

        foreach (var text in new[] { "{\"object\":\"whatsapp_business_account\",\"entry\":[", "[1,2]", "{\"entry\":\"nope\"}" })
        {
            using var response = await host.PostAsync(Encoding.UTF8.GetBytes(text));
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        }

        // Valid JSON with pieces we cannot use is acknowledged, so Meta does not retry it for a week.
        using var odd = await host.PostAsync(Encoding.UTF8.GetBytes(
            "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"changes\":[{\"field\":\"messages\",\"value\":{\"metadata\":{\"phone_number_id\":\"1098765\"},\"messages\":[{\"type\":\"text\"}]}},{\"field\":\"account_update\",\"value\":{}}]}]}"));
        Assert.Equal(HttpStatusCode.OK, odd.StatusCode);
    }

    [Fact]
    public async Task TheEndpointsAnswer404WhenTheChannelIsDisabled()
    {
        var host = await StartHostAsync(new Dictionary<string, string?> { ["WhatsApp:Enabled"] = "false" });

        using var get = await host.Client.GetAsync($"/api/whatsapp?hub.mode=subscribe&hub.verify_token={Webhook.VerifyToken}&hub.challenge=1", TestContext.Token);
        using var post = await host.PostAsync(Webhook.Envelope([Webhook.Text("wamid.in.off", "halo", DateTimeOffset.UtcNow)]));

        Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        Assert.Null(host.Get<IWhatsAppInbox>().Get("wamid.in.off"));
    }

    [Fact]
    public async Task MessagesToAnotherBusinessNumberAreIgnored()
    {
        var host = await StartHostAsync();

        await PostOkAsync(host, Webhook.Envelope([Webhook.Text("wamid.in.other", "halo", DateTimeOffset.UtcNow)], phoneNumberId: "999"));

        Assert.Null(host.Get<IWhatsAppInbox>().Get("wamid.in.other"));
    }

    /// <summary>A stream that hides its length, so the client sends the body chunked.</summary>
    private sealed class UnknownLengthStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }
}
