using System.Security.Cryptography;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Bot.Dialogs.Domain;
using Bot.Dialogs.Reminders;
using Bot.Dialogs.Storage;
using Bot.Tests.Dialogs.Progress;
using Bot.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace Bot.Tests.Host.WhatsApp;

/// <summary>
/// Issue 7 end to end, over signed webhooks and the stub Graph server only: a fokal joins, registers a commitment,
/// reports with a photo, and gets reminders, as an ordinary message inside the 24-hour window and as the
/// configured template outside it.
/// </summary>
public sealed partial class FokalOverWhatsAppTests : WhatsAppFixture
{
    private const string Coordinator = "6289990001111";
    /// <summary>2 June: the B6 window is open (so "ingatkan semua" chases B6) and a 30/6 deadline is still ahead.</summary>
    private static readonly DateTimeOffset Start = new(2027, 6, 2, 1, 0, 0, TimeSpan.Zero);

    private readonly FakeTimeProvider _time = new(Start);
    private int _inbound;

    private StubGraphServer _graph = null!;
    private WhatsAppTestHost _host = null!;

    /// <summary>The real features only answer (the fixture's recorder declines every message used here).</summary>
    private async Task StartAsync()
    {
        _graph = Graph;
        _host = await StartHostAsync(new Dictionary<string, string?>
        {
            ["Bot:Coordinators:0"] = "whatsapp|" + Coordinator,
            ["WhatsApp:ReminderTemplate:Name"] = "pengingat_rencana_aksi",
            ["WhatsApp:ReminderTemplate:Language"] = "id",
            ["WhatsApp:ReminderTemplate:BodyParameters"] = "name, text",
        }, _time);
    }

    [Fact]
    public async Task AFokalJoinsRegistersACommitmentAndReportsWithAPhoto()
    {
        await JoinAndRegisterAsync();
        var photo = EvidenceFiles.Png(42);
        _graph.Media["MEDIA-B6"] = (photo, "image/png");

        await SayAsync(Webhook.User, "lapor RA-2027-001 B6", "realisasi");
        await SayAsync(Webhook.User, "45 orang", "capaian dan kendalanya");
        await SayAsync(Webhook.User, "Sosialisasi di 3 SMA, 45 siswa hadir.", "bukti");
        await SayAsync(Webhook.User, Webhook.Message(NextId(), "image", Tick(), Webhook.User, new JsonObject
        {
            ["id"] = "MEDIA-B6",
            ["mime_type"] = "image/png",
            ["sha256"] = Convert.ToHexStringLower(SHA256.HashData(photo)),
        }), "Diterima");
        await SayAsync(Webhook.User, "selesai", "Ringkasan laporan");
        await SayAsync(Webhook.User, "ya", "terkirim");

        var report = Assert.Single(_host.Get<IProgressReportStore>().ListByState(ReportState.Submitted));
        Assert.Equal(ReportingPeriod.B6, report.Period);
        Assert.Equal(45m, report.RealisationValue);
        var evidence = Assert.Single(report.Evidence);
        Assert.Equal("image/png", evidence.ContentType);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(photo)), evidence.Sha256);
        Assert.Equal(photo, _host.Get<IEvidenceStore>().Read(evidence.FileId));
        Assert.Equal(1, _graph.Downloads);
    }

    [Fact]
    public async Task RemindersReachTheFokalAsAMessageInsideTheWindowAndAsTheTemplateOutsideIt()
    {
        await JoinAndRegisterAsync();
        var sweep = _host.Get<ReminderSweep>();

        var nudged = await SayAsync(Coordinator, "ingatkan semua", "1");
        var before = _graph.Accepted.Count;
        var inside = await sweep.SweepAsync(TestContext.Token);
        Assert.True(inside.Sent == 1, nudged + " / " + inside);
        var ordinary = Assert.Single(_graph.Accepted.Skip(before), s => To(s) == Webhook.User);
        Assert.NotEqual("template", Type(ordinary));
        Assert.Contains("RA-2027-001", Body(ordinary), StringComparison.Ordinal);

        // The coordinator writes again (so only the fokal's window closes), a day and more after the fokal's last message.
        _time.Advance(TimeSpan.FromHours(25));
        nudged = await SayAsync(Coordinator, "ingatkan semua", "1");
        before = _graph.Accepted.Count;
        var outside = await sweep.SweepAsync(TestContext.Token);

        Assert.True(outside.Sent == 1, nudged + " / " + outside);
        var template = Assert.Single(_graph.Accepted.Skip(before), s => To(s) == Webhook.User);
        Assert.Equal("template", Type(template));
        Assert.Equal("pengingat_rencana_aksi", template["template"]!["name"]!.GetValue<string>());
        var parameters = template["template"]!["components"]![0]!["parameters"]!.AsArray().Select(p => p!["text"]!.GetValue<string>()).ToList();
        Assert.Equal("Fokal Satu", parameters[0]);
        Assert.Contains("RA-2027-001", parameters[1], StringComparison.Ordinal);
    }

    /// <summary>The coordinator adds the OPD and an invite; the fokal joins and registers RA-2027-001 (B6 and B12).</summary>
    private async Task JoinAndRegisterAsync()
    {
        await StartAsync();
        await SayAsync(Coordinator, "tambah opd Dinkes WITA", "tersimpan");
        var invite = await SayAsync(Coordinator, "undang Dinkes", "Dinkes");
        var code = InviteCode().Match(invite);
        Assert.True(code.Success, invite);
        await SayAsync(Webhook.User, "gabung " + code.Groups[1].Value, "nama");
        await SayAsync(Webhook.User, "Fokal Satu", "jabatan");
        await SayAsync(Webhook.User, "Staf Program", "fokal");

        foreach (var answer in new[] { "rencana aksi baru", "Pencegahan", "Sosialisasi", "Sosialisasi sekolah", "jumlah peserta", "100 orang", "Kandangan", "lewati", "30/6", "B6 dan B12" })
        {
            await SayAsync(Webhook.User, answer);
        }

        await SayAsync(Webhook.User, "ya", "Tersimpan sebagai *RA-2027-001*");
    }

    private Task<string> SayAsync(string from, string text, string? expected = null) =>
        SayAsync(from, Webhook.Text(NextId(), text, Tick(), from), expected);

    /// <summary>Posts one signed message and waits until the bot's answer to that sender (containing <paramref name="expected"/>) reached the stub.</summary>
    private async Task<string> SayAsync(string from, JsonObject message, string? expected)
    {
        var before = _graph.Accepted.Count;
        using (var response = await _host.PostAsync(Webhook.Envelope([message])))
        {
            Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        }

        for (var i = 0; i < 750; i++)
        {
            var answer = string.Join("\n", _graph.Accepted.Skip(before).Where(s => To(s) == from).Select(Body));
            if (answer.Length > 0 && (expected is null || answer.Contains(expected, StringComparison.OrdinalIgnoreCase)))
            {
                return answer;
            }

            await Task.Delay(20);
        }

        throw new TimeoutException($"No answer containing '{expected}' to {from}; sent: {string.Join(" | ", _graph.Accepted.Skip(before).Select(Body))}");
    }

    private string NextId() => "wamid.in.e2e." + Interlocked.Increment(ref _inbound);

    /// <summary>Each message a second after the last, on the host's clock.</summary>
    private DateTimeOffset Tick()
    {
        _time.Advance(TimeSpan.FromSeconds(1));
        return _time.GetUtcNow();
    }

    private static string? To(JsonObject send) => send["to"]?.GetValue<string>();

    private static string Body(JsonObject send) =>
        send["text"]?["body"]?.GetValue<string>() ?? send["interactive"]?["body"]?["text"]?.GetValue<string>() ?? send.ToJsonString();

    [GeneratedRegex(@"\*([A-Z0-9]{8})\*")]
    private static partial Regex InviteCode();
}
