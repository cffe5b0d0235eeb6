using System.Text.Encodings.Web;
using System.Text.Json.Nodes;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Text;
using Bot.Host.Channels.WhatsApp;
using Bot.Host.Storage.LiteDb;
using Bot.Tests.Host.WhatsApp;
using Bot.Tests.Support;

namespace Bot.Tests.Tips;

/// <summary>
/// The tip line over WhatsApp (signed webhooks in, stub Graph out): the resident gets every question and the
/// tracking code, yet once the turns are handled the database keeps nothing that ties the tip to the phone number.
/// </summary>
public sealed partial class TipWhatsAppPrivacyTests : WhatsAppFixture
{
    private const string Resident = "6285711223344";
    private const string ProfileName = "Warga Pelapor Kandangan";
    private const string Description = "Rumah kontrakan biru di gang mawar jadi tempat transaksi sabu tiap sore";

    private static readonly JsonSerializerOptions Readable = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private int _sent;

    [Fact]
    public async Task ATipOverWhatsAppLeavesNoPageHoldingBothTheTipAndThePhoneNumber()
    {
        var host = await StartHostAsync();
        var databasePath = host.Get<SinergiDatabase>().Path;
        var tipsPath = host.Get<TipDatabase>().Database.Path;

        await SayAsync(host, "lapor", "Apa yang ingin Anda laporkan?");
        await SayAsync(host, "peredaran", "Ceritakan");
        await SayAsync(host, Description, "kecamatan");
        await SayAsync(host, "Kandangan", "desa");
        await SayAsync(host, "Kandangan Kota", "Kapan");
        await SayAsync(host, "setiap sore", "foto");
        await SayAsync(host, "lewati", "Kirim laporan ini?");
        var receipt = await SayAsync(host, "ya", "Kode lacak");
        var code = TrackingCodePattern().Match(receipt).Value;
        Assert.NotEmpty(code);
        await SayAsync(host, "cek " + code, "Status laporan");

        // Every handled row is down to what de-duplication needs: the wamid, the times and the state.
        var inbox = host.Get<IWhatsAppInbox>();
        for (var i = 1; i <= _sent; i++)
        {
            var row = await EventuallyAsync(() => inbox.Get(Wamid(i)) is { State: InboxState.Done } done ? done : null);
            Assert.Equal((string.Empty, string.Empty, null, string.Empty), (row.Json, row.WaId, row.ProfileName, row.ConversationId));
            Assert.True(row.ReceivedAtMs > 0);
        }

        // A retried webhook of a handled message is still recognised and not answered twice.
        var before = Graph.Accepted.Count;
        await PostOkAsync(host, Envelope(Message(Wamid(1), "lapor")));
        await Task.Delay(300);
        Assert.Equal(before, Graph.Accepted.Count);

        string[] markers = [code, Description[..30]];
        string[] identifiers = [Resident, ProfileName];

        // While the host runs, LiteDB's log file holds every committed page version since the last checkpoint,
        // the inbox rows as they arrived included: a confidential turn checkpoints once its row is cleared.
        // The row is marked done just before that checkpoint, hence the short wait.
        var at = -1;
        for (var attempt = 0; attempt < 50 && DatabaseFileScan.PageTies(DatabaseFileScan.ReadDatabaseFiles(databasePath), markers, identifiers, out at); attempt++)
        {
            await Task.Delay(100);
        }

        Assert.False(DatabaseFileScan.PageTies(DatabaseFileScan.ReadDatabaseFiles(databasePath), markers, identifiers, out at), $"page at {at} of the running database holds the tip and the WhatsApp sender");

        await StopHostAsync(host);

        var file = DatabaseFileScan.ReadClosedDatabaseFiles(databasePath);
        Assert.True(DatabaseFileScan.Contains(file, Encoding.UTF8.GetBytes(Resident)), "the WhatsApp conversation should be in the file");
        Assert.False(DatabaseFileScan.PageTies(file, markers, identifiers, out var offset), $"page at {offset} holds the tip and the WhatsApp sender");

        // The tip itself is stored in the tips' own file, which holds nothing of the sender anywhere.
        var tips = DatabaseFileScan.ReadDatabaseFiles(tipsPath);
        Assert.True(DatabaseFileScan.PageTies(tips, markers, markers, out _), "the tip itself should be in the tips' file");
        Assert.DoesNotContain(identifiers, i => DatabaseFileScan.Contains(tips, Encoding.UTF8.GetBytes(i)));
    }

    /// <summary>Sends a text as the resident and waits until a reply containing <paramref name="expected"/> went out.</summary>
    private async Task<string> SayAsync(WhatsAppTestHost host, string text, string expected)
    {
        var already = Graph.Accepted.Count;
        _sent++;
        await PostOkAsync(host, Envelope(Message(Wamid(_sent), text)));
        return await EventuallyAsync(() =>
        {
            var replies = string.Join('\n', Graph.Accepted.Skip(already).Select(s => s.ToJsonString(Readable)));
            return replies.Contains(expected, StringComparison.Ordinal) ? replies : null;
        });
    }

    private JsonObject Message(string wamid, string text) =>
        Webhook.Text(wamid, text, DateTimeOffset.UtcNow.AddSeconds(_sent), Resident);

    /// <summary>A notification from the resident, with their WhatsApp profile name as Meta sends it.</summary>
    private static byte[] Envelope(JsonObject message)
    {
        var root = JsonNode.Parse(Webhook.Envelope([message]))!;
        root["entry"]![0]!["changes"]![0]!["value"]!["contacts"] = new JsonArray(
            new JsonObject { ["profile"] = new JsonObject { ["name"] = ProfileName }, ["wa_id"] = Resident });
        return Encoding.UTF8.GetBytes(root.ToJsonString());
    }

    private static string Wamid(int n) => "wamid.tip." + n.ToString(System.Globalization.CultureInfo.InvariantCulture);


    [GeneratedRegex("TIP-[2-9A-Z]{4}-[2-9A-Z]{4}")]
    private static partial Regex TrackingCodePattern();
}
