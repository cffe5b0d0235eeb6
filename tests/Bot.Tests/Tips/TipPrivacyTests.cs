using System.Text;
using Bot.Dialogs.Domain;
using Bot.Dialogs.Engine;
using Bot.Dialogs.Storage;
using Bot.Dialogs.Tips;
using Bot.Host.Storage.LiteDb;
using Bot.Tests.Support;
using LiteDB;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Bot.Tests.Tips;

/// <summary>
/// What seized or leaked database files reveal about who sent a tip. The sender speaks through the real turn
/// pipeline first, so their channel account, name and conversation ARE in the main file (the conversation-reference
/// and processed-activity collections, by design of the pipeline). The assertions are:
/// 1. the tip document, its photo's file record and the coordinators' alert hold none of the sender's identifiers
///    (phone/user id, name, conversation id, channel), and the alert holds nothing of the tip either;
/// 2. the photo's EXIF GPS bytes and camera marker are in neither file;
/// 3. the tips live in their own file (issue 14, finding 8), which holds none of the sender's identifiers anywhere,
///    while the main file holds none of the tip: no page, no log entry, no transaction order can tie the two.
/// </summary>
public sealed class TipPrivacyTests : IDisposable
{
    private const string Phone = "6281234567890";
    private const string Name = "Budi Santoso Pelapor";
    private const string ConversationId = "wa-conv-77-" + Phone;
    private const string Channel = "whatsapp";
    private const string Description = "Transaksi sabu tiap malam Minggu di gudang belakang pasar Kandangan";
    private const string Abandoned = "Rumah kosong di ujung jalan sering didatangi orang asing larut malam";
    private const int LiteDbPageSize = 8192;

    private readonly TempDirectory _folder = new();

    [Fact]
    public async Task NeitherTheTipNorTheDatabaseFileLinksTheTipToItsSender()
    {
        string code;
        string databasePath;
        string tipsPath;
        using (var host = new TipsHost(_folder.Path))
        {
            databasePath = host.Get<SinergiDatabase>().Path;
            tipsPath = host.Get<TipDatabase>().Database.Path;
            await AddCoordinatorAsync(host);

            var sender = Some.Message(ConversationId, Phone, "lapor narkoba", Channel) with
            {
                From = new Bot.Dialogs.Activities.ChannelAccount { Id = Phone, Name = Name, Role = "user" },
            };
            await host.Get<TurnProcessor>().ProcessAsync(sender, TestContext.Token);
            Assert.NotNull(host.Get<IConversationReferenceStore>().FindLatestForUser(TurnProcessor.UserKey(Channel, Phone)));

            var draft = new TipDraft(TipCategory.Peredaran, Description, "Kandangan", "Kandangan Kota", "tiap malam Minggu");
            var saved = await host.Get<TipService>().SubmitAsync(draft, TestImages.JpegWithMetadata(), TurnProcessor.UserKey(Channel, Phone), TestContext.Token);
            code = saved.TrackingCode!;

            var raw = host.Get<TipDatabase>().Database.Raw;
            var tipJson = JsonSerializer.Serialize(raw.GetCollection("tips").FindById(code));
            var fileJson = JsonSerializer.Serialize(raw.GetCollection("_files").FindById(host.Get<ITipStore>().Get(code)!.PhotoFileId));
            Assert.Empty(host.Sent.Activities); // coordinators hear of it on the alert schedule, not from this turn
            Assert.Equal(1, await host.Get<TipAlerts>().SendDueAsync(TestContext.Token));
            var notice = Assert.Single(host.Sent.Activities);
            var noticeJson = JsonSerializer.Serialize(host.Get<SinergiDatabase>().Mapper.ToDocument(notice));
            foreach (var text in new[] { tipJson, fileJson, noticeJson })
            {
                foreach (var identifier in SenderIdentifiers)
                {
                    Assert.DoesNotContain(identifier, text, StringComparison.OrdinalIgnoreCase);
                }
            }

            foreach (var detail in new[] { code, "Kandangan", Description[..20] })
            {
                Assert.DoesNotContain(detail, noticeJson, StringComparison.Ordinal);
            }

            Assert.Contains(Description, tipJson, StringComparison.Ordinal);
        }

        AssertFilesApart(ReadDatabaseFiles(databasePath), ReadDatabaseFiles(tipsPath), [code, Description[..30]]);
    }

    /// <summary>
    /// The whole chat over the turn pipeline: start, every answer, a photo with GPS, the confirm, the receipt, a
    /// status check and added information, all from the same phone in the same conversation. Then the same file
    /// search: no page with the code, the description or the added text holds the sender, and none of it was logged.
    /// </summary>
    [Fact]
    public async Task TheWholeTipConversationLeavesNothingThatLinksTheTipToItsSender()
    {
        const string FollowUp = "Plat nomornya DA 1234 XY, mobil Avanza hitam parkir dekat musala";
        var logs = new Host.WhatsApp.CollectingLoggerProvider();
        string code;
        string databasePath;
        string tipsPath;
        using (var host = new DialogsHost(_folder.Path, configure: s => s.AddLogging(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(logs))))
        {
            databasePath = host.Get<SinergiDatabase>().Path;
            tipsPath = host.Get<TipDatabase>().Database.Path;
            var chat = new ConversationDriver(host, Phone, ConversationId, channelId: Channel);
            await chat.SayAsync("lapor narkoba", "PP 40/2013");
            await chat.SayAsync("peredaran", "Ceritakan");
            await chat.SayAsync(Description, "kecamatan");
            await chat.SayAsync("Kandangan", "desa");
            await chat.SayAsync("Kandangan Kota", "Kapan");
            await chat.SayAsync("setiap malam Minggu", "foto");
            var photo = "data:image/jpeg;base64," + Convert.ToBase64String(TestImages.JpegWithMetadata());
            await chat.SendAsync(chat.Message("ini fotonya") with { Attachments = [new Bot.Dialogs.Activities.Attachment { ContentType = "image/jpeg", ContentUrl = photo }] });
            chat.AssertReply("Kirim laporan ini?");
            await chat.SayAsync("ya", "Kode lacak");
            code = System.Text.RegularExpressions.Regex.Match(chat.Text, "TIP-[2-9A-Z]{4}-[2-9A-Z]{4}").Value;
            await chat.SayAsync("cek " + code, "Status laporan");
            await chat.SayAsync("tambah info " + code, "Informasi apa");
            await chat.SayAsync(FollowUp, "foto");
            await chat.SayAsync("lewati", "Kirim tambahan");
            await chat.SayAsync("ya", "tersimpan");

            Assert.Equal(FollowUp, Assert.Single(host.Get<ITipStore>().Get(code)!.FollowUps).Text);
            Assert.Empty(host.Get<IConversationStateStore>().Load(ConversationKeys.For(Channel, ConversationId)).Stack);

            // A second tip abandoned half-way: its dialog stays on the saved stack, next to the conversation id.
            await chat.SayAsync("lapor", "Apa yang ingin");
            await chat.SayAsync("lainnya", "Ceritakan");
            await chat.SayAsync(Abandoned, "kecamatan");
            await chat.SayAsync("Angkinang", "desa");
            Assert.NotEmpty(host.Get<IConversationStateStore>().Load(ConversationKeys.For(Channel, ConversationId)).Stack);
        }

        var file = ReadDatabaseFiles(databasePath);
        var tips = ReadDatabaseFiles(tipsPath);
        AssertFilesApart(file, tips, [code, Description[..30], FollowUp[..30]]);
        Assert.False(Contains(file, Encoding.UTF8.GetBytes(Abandoned[..30])), "the abandoned draft was written to the database file");
        Assert.False(Contains(tips, Encoding.UTF8.GetBytes(Abandoned[..30])), "the abandoned draft was written to the tips' file");

        var logged = string.Join("\n", logs.Entries.Select(e => e.Message));
        foreach (var secret in new[] { code, Description[..30], FollowUp[..30], "Kandangan Kota" })
        {
            Assert.DoesNotContain(secret, logged, StringComparison.OrdinalIgnoreCase);
        }
    }

    /// <summary>
    /// The main file (with its log) holds the sender and nothing of the tip; the tips' file holds the tip and nothing
    /// of the sender; neither holds the photo's GPS or camera data.
    /// </summary>
    private static void AssertFilesApart(byte[] main, byte[] tips, string[] markers)
    {
        Assert.True(Contains(main, Encoding.UTF8.GetBytes(Phone)), "the pipeline's reference should be in the main file");
        foreach (var marker in markers)
        {
            Assert.False(Contains(main, Encoding.UTF8.GetBytes(marker)), $"'{marker}' of the tip is in the main file");
            Assert.True(Contains(tips, Encoding.UTF8.GetBytes(marker)), $"'{marker}' of the tip should be in the tips' file");
        }

        foreach (var identifier in SenderIdentifiers)
        {
            Assert.False(Contains(tips, Encoding.UTF8.GetBytes(identifier)), $"the tips' file holds '{identifier}'");
        }

        foreach (var file in new[] { main, tips })
        {
            Assert.False(Contains(file, TestImages.GpsLatitudeBytes), "GPS latitude found in a database file");
            Assert.False(Contains(file, TestImages.GpsLongitudeBytes), "GPS longitude found in a database file");
            Assert.False(Contains(file, Encoding.ASCII.GetBytes(TestImages.CameraMarker)), "camera metadata found in a database file");
        }
    }

    private static string[] SenderIdentifiers => [Phone, Name, ConversationId, Channel];

    private static async Task AddCoordinatorAsync(TipsHost host)
    {
        var users = host.Get<IUserStore>();
        var coordinator = users.GetOrCreate("teams|koord-1", "Rina", "id-ID");
        coordinator.Role = Role.Koordinator;
        users.Update(coordinator);
        await host.Get<TurnProcessor>().ProcessAsync(Some.Message("teams-conv-1", "koord-1", "halo", "teams"), TestContext.Token);
    }

    /// <summary>The data file after the database was closed (which checkpoints the log), plus any log left behind.</summary>
    private static byte[] ReadDatabaseFiles(string path)
    {
        var log = Path.Combine(Path.GetDirectoryName(path)!, Path.GetFileNameWithoutExtension(path) + "-log" + Path.GetExtension(path));
        return File.Exists(log) ? [.. File.ReadAllBytes(path), .. File.ReadAllBytes(log)] : File.ReadAllBytes(path);
    }

    private static bool Contains(byte[] haystack, byte[] needle) => haystack.AsSpan().IndexOf(needle) >= 0;

    public void Dispose() => _folder.Dispose();
}
