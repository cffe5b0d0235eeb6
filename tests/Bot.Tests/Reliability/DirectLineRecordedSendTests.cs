using Bot.Dialogs.Activities;
using Bot.Dialogs.Engine;
using Bot.Dialogs.Storage;
using Bot.Host.Storage.LiteDb;
using Bot.Tests.Host.DirectLine;
using Bot.Tests.Support;
using LiteDB;
using Microsoft.Extensions.DependencyInjection;

namespace Bot.Tests.Reliability;

/// <summary>
/// The web chat stores a proactive message and the caller's record (a reminder's "sent" mark) in one transaction:
/// both or neither, which is what makes reminders exactly once on Direct Line across a crash.
/// </summary>
public sealed class DirectLineRecordedSendTests : IDisposable
{
    private readonly TempDirectory _data = new();
    private readonly KestrelHost _host;
    private readonly HttpClient _http;
    private readonly DirectLineTestClient _client;

    public DirectLineRecordedSendTests()
    {
        _host = new KestrelHost(_data.Path);
        _http = _host.CreateNetworkClient();
        _client = new DirectLineTestClient(_http);
    }

    [Fact]
    public async Task TheMessageAndTheRecordAreStoredTogetherOrNotAtAll()
    {
        await _client.GenerateAsync();
        await _client.StartAsync();
        await _client.PollUntilAsync("", 1); // the welcome
        var messenger = _host.Services.GetRequiredService<ProactiveMessenger>();
        var reference = _host.Services.GetRequiredService<IConversationReferenceStore>().FindByConversation("directline", _client.ConversationId)!;
        var marks = _host.Services.GetRequiredService<SinergiDatabase>().Collection<BsonDocument>("test_marks");

        // The record writes, then refuses (as a reminder mark does when another claim took the rows): nothing stays.
        var refused = new Activity { Type = ActivityTypes.Message, Text = "Pengingat yang tidak boleh tersimpan" };
        var refusing = DeliveryRecord.Of(() =>
        {
            marks.Insert(new BsonDocument { ["_id"] = "refused" });
            throw new InvalidOperationException("claim lost");
        });
        await Assert.ThrowsAsync<InvalidOperationException>(() => messenger.DeliverAsync(reference, new ProactiveMessage(refused, "rem-refused", refusing), TestContext.Token));
        Assert.Equal(0, marks.Count());

        var accepted = new Activity { Type = ActivityTypes.Message, Text = "Pengingat: laporan B6 jatuh tempo besok." };
        var accepting = DeliveryRecord.Of(() => marks.Insert(new BsonDocument { ["_id"] = "accepted" }));
        await messenger.DeliverAsync(reference, new ProactiveMessage(accepted, "rem-accepted", accepting), TestContext.Token);
        Assert.NotNull(marks.FindById("accepted"));

        var (activities, watermark) = await _client.PollAsync("1");
        Assert.Equal("2", watermark);
        Assert.Equal(accepted.Text, DirectLineTestClient.Text(Assert.Single(activities)));
    }

    public void Dispose()
    {
        _http.Dispose();
        _host.Dispose();
        _data.Dispose();
    }
}
