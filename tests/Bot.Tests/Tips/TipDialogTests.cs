using System.Text.RegularExpressions;
using Bot.Dialogs.Activities;
using Bot.Dialogs.Domain;
using Bot.Dialogs.Storage;
using Bot.Dialogs.Tips;
using Bot.Host.Storage.LiteDb;
using Bot.Tests.Support;
using LiteDB;

namespace Bot.Tests.Tips;

/// <summary>The tip line as a resident meets it: conversation scripts over the real turn pipeline and database.</summary>
public sealed partial class TipDialogTests : IDisposable
{
    private const string Description = "Ada transaksi sabu di warung kopi ujung gang, mobil hitam datang tengah malam";
    private readonly TempDirectory _folder = new();

    [Fact]
    public async Task AFullTipWithAPhotoIsSavedWithoutPhotoMetadataAndTheCodeIsShown()
    {
        using var host = new DialogsHost(_folder.Path);
        var chat = new ConversationDriver(host, "warga-1");

        await chat.SayAsync("lapor narkoba", "UU 35/2009 Pasal 100", "PP 40/2013", "184", "jangan tulis nama, nomor HP", "Apa yang ingin Anda laporkan?", "Peredaran/transaksi");
        chat.AssertSuggests("Peredaran/transaksi", "Pemakaian", "Produksi/gudang", "Lainnya");
        await chat.SayAsync("1", "Ceritakan apa yang Anda lihat");
        await chat.SayAsync(Description, "kecamatan");
        await chat.SayAsync("Kandangan", "desa/kelurahan");
        await chat.SayAsync("Kandangan Kota", "Kapan terjadinya");
        await chat.SayAsync("setiap malam Minggu", "Punya foto?", "GPS");
        await chat.SendAsync(WithPhoto(chat, TestImages.JpegWithMetadata()));
        chat.AssertReply("Foto diterima", "Ringkasan laporan", "Peredaran/transaksi", Description, "Kandangan Kota, Kec. Kandangan", "setiap malam Minggu", "ada (metadata dihapus)", "Kirim laporan ini?");
        var code = CodeIn(await chat.SayAsync("ya", "Kode lacak Anda", "cek TIP-"));

        var tip = host.Get<ITipStore>().Get(code)!;
        Assert.Equal(TipCategory.Peredaran, tip.Category);
        Assert.Equal(Description, tip.Description);
        Assert.Equal(("Kandangan", "Kandangan Kota", "setiap malam Minggu"), (tip.Kecamatan, tip.Desa, tip.When));
        Assert.Null(tip.OccurredOn);
        Assert.Equal("image/jpeg", tip.PhotoContentType);

        var stored = Download(host, tip.PhotoFileId!);
        using (var picture = SkiaSharp.SKBitmap.Decode(stored))
        {
            Assert.Equal((32, 24), (picture.Width, picture.Height));
        }

        Assert.True(stored.AsSpan().IndexOf(TestImages.GpsLatitudeBytes) < 0);
        Assert.True(stored.AsSpan().IndexOf("Exif\0\0"u8) < 0);
        Assert.Empty(host.Get<IConversationStateStore>().Load(StateKey(chat)).Stack);
        Assert.Equal(0, host.Get<PendingTips>().Count);
    }

    [Fact]
    public async Task ATipWithoutAPhotoKeepsADateWhenTheResidentGaveOne()
    {
        using var host = new DialogsHost(_folder.Path);
        var chat = new ConversationDriver(host, "warga-2");

        await chat.SayAsync("lapor", "Apa yang ingin Anda laporkan?");
        await chat.SayAsync("pemakaian", "Ceritakan");
        await chat.SayAsync("Anak-anak muda berkumpul menghisap sabu di pos ronda", "kecamatan");
        await chat.SayAsync("Daha Utara", "desa");
        await chat.SayAsync("lewati", "Kapan");
        await chat.SayAsync("kemarin", "Punya foto?");
        await chat.SayAsync("lewati", "Ringkasan laporan", "Foto: tidak ada", "Lokasi: Kec. Daha Utara");
        var code = CodeIn(await chat.SayAsync("kirim", "Kode lacak Anda"));

        var tip = host.Get<ITipStore>().Get(code)!;
        Assert.Equal(TipCategory.Pemakaian, tip.Category);
        Assert.Null(tip.Desa);
        Assert.Null(tip.PhotoFileId);
        Assert.Equal("kemarin", tip.When);
        var zone = IndonesianTimeZones.Find(IndonesianTimeZones.Default);
        Assert.Equal(DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(host.Time.GetUtcNow(), zone).DateTime).AddDays(-1), tip.OccurredOn);
    }

    [Fact]
    public async Task CancellingOrDecliningLeavesNothingInTheDatabaseOrInMemory()
    {
        string path;
        using (var host = new DialogsHost(_folder.Path))
        {
            path = host.Get<SinergiDatabase>().Path;
            var chat = new ConversationDriver(host, "warga-3");
            await chat.SayAsync("laporan warga", "Apa yang ingin Anda laporkan?");
            await chat.SayAsync("produksi", "Ceritakan");
            await chat.SayAsync(Description, "kecamatan");

            // The saved frame holds only a handle: nothing the resident typed is in the state document.
            var state = host.Get<IConversationStateStore>().Load(StateKey(chat));
            Assert.DoesNotContain("warung kopi", JsonSerializer.Serialize(host.Get<SinergiDatabase>().Mapper.ToDocument(state)), StringComparison.Ordinal);

            await chat.SayAsync("batal", "dibatalkan");
            Assert.Empty(host.Get<IConversationStateStore>().Load(StateKey(chat)).Stack);

            await chat.SayAsync("lapor", "Apa yang ingin Anda laporkan?");
            await chat.SayAsync("lainnya", "Ceritakan");
            await chat.SayAsync("Gudang kosong dipakai menyimpan paket mencurigakan", "kecamatan");
            await chat.SayAsync("Angkinang", "desa");
            await chat.SayAsync("-", "Kapan");
            await chat.SayAsync("tadi malam", "foto");
            await chat.SayAsync("lewati", "Kirim laporan ini?");
            await chat.SayAsync("tidak", "tidak dikirim", "dihapus");

            Assert.Empty(host.Get<ITipStore>().List());
            Assert.Empty(host.Get<IConversationStateStore>().Load(StateKey(chat)).Stack);

            // The cancelled draft is dropped from memory once it has been idle for its lifetime.
            Assert.Equal(1, host.Get<PendingTips>().Count);
            host.Time.Advance(PendingTips.Lifetime + TimeSpan.FromMinutes(1));
            Assert.Equal(0, host.Get<PendingTips>().Count);
        }

        var file = File.ReadAllBytes(path);
        Assert.True(file.AsSpan().IndexOf("warung kopi"u8) < 0, "the cancelled description reached the database file");
        Assert.True(file.AsSpan().IndexOf("paket mencurigakan"u8) < 0, "the declined description reached the database file");
    }

    [Fact]
    public async Task AfterARestartAHalfWrittenTipIsGoneAndTheResidentIsToldSo()
    {
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2027, 8, 15, 5, 0, 0, TimeSpan.Zero));
        var host = new DialogsHost(_folder.Path, time);
        var chat = new ConversationDriver(host, "warga-4");
        await chat.SayAsync("lapor", "Apa yang ingin Anda laporkan?");
        await chat.SayAsync("1", "Ceritakan");
        host.Dispose();

        using var restarted = new DialogsHost(_folder.Path, time);
        chat.Host = restarted;
        await chat.SayAsync(Description, "sudah tidak ada", "memori", "Tidak ada yang terkirim");
        Assert.Empty(restarted.Get<IConversationStateStore>().Load(StateKey(chat)).Stack);
        Assert.Empty(restarted.Get<ITipStore>().List());
    }

    [Fact]
    public async Task TheStatusCanBeCheckedWithAGoodCodeAndABadCodeIsRefused()
    {
        using var host = new DialogsHost(_folder.Path);
        var code = await SubmitAsync(new ConversationDriver(host, "warga-5"));
        var other = new ConversationDriver(host, "another-phone");

        await other.SayAsync("cek " + code, "Status laporan", code, "**baru**");
        host.Get<TipService>().SetStatus(code, TipStatus.Diproses, "U-koord");
        await other.SayAsync("cek " + code.ToLowerInvariant(), "**diproses**");
        await other.SayAsync("cek TIP-2222-2222", "tidak ditemukan");
        await other.SayAsync("cek tip 12", "tidak ditemukan");

        // "cek" with something that is no code is not a tip check: no lookup, no request for a code (the help that
        // follows "not understood" may still name the tip line).
        await other.SayAsync("cek jadwal", "belum memahami");
        other.AssertNoReplyContains("Ketik kode lacaknya");
        other.AssertNoReplyContains("tidak ditemukan");
    }

    [Fact]
    public async Task AResidentAddsInformationWithTheCodeAndAPhoto()
    {
        using var host = new DialogsHost(_folder.Path);
        var code = await SubmitAsync(new ConversationDriver(host, "warga-6"));
        var chat = new ConversationDriver(host, "warga-6-new-phone");

        await chat.SayAsync("tambah info TIP-2222-2222", "tidak ditemukan");
        await chat.SayAsync("tambah info " + code, "Menambah informasi", "jangan tulis nama", "Informasi apa");
        await chat.SayAsync("Mobilnya Avanza hitam, plat DA, datang jam 11 malam", "foto");
        await chat.SendAsync(WithPhoto(chat, TestImages.PngWithMetadata()));
        chat.AssertReply("Foto diterima", "Kirim tambahan informasi ini?");
        await chat.SayAsync("ya", "informasi tambahan sudah tersimpan");

        var followUp = Assert.Single(host.Get<ITipStore>().Get(code)!.FollowUps);
        Assert.Equal("Mobilnya Avanza hitam, plat DA, datang jam 11 malam", followUp.Text);
        Assert.Equal("image/png", followUp.PhotoContentType);
        Assert.Equal(ImageMetadataStripper.Strip(TestImages.PngWithMetadata()).Bytes, Download(host, followUp.PhotoFileId!));
    }

    [Fact]
    public async Task AnOversizedOrUnsupportedPhotoIsRefusedAndTheTipCanGoOnWithoutIt()
    {
        using var host = new DialogsHost(_folder.Path, settings: new Dictionary<string, string?> { ["Tips:MaxPhotoBytes"] = "10000" });
        var chat = new ConversationDriver(host, "warga-7");
        await AnswerUntilPhotoAsync(chat);

        await chat.SendAsync(WithPhoto(chat, [.. TestImages.Jpeg(), .. new byte[20_000]]));
        chat.AssertReply("tidak bisa diterima", "0.01 MB");
        await chat.SendAsync(WithPhoto(chat, "GIF89a\u0001\u0000"u8.ToArray(), "image/gif"));
        chat.AssertReply("tidak bisa diterima");
        await chat.SayAsync("lewati", "Foto: tidak ada", "Kirim laporan ini?");
        CodeIn(await chat.SayAsync("ya", "Kode lacak"));
    }

    [Fact]
    public async Task TheRateLimitStopsASenderBeforeTheyTypeAndAtSubmission()
    {
        using var host = new DialogsHost(_folder.Path, settings: new Dictionary<string, string?> { ["Tips:SubmissionsPerWindow"] = "1" });
        var chat = new ConversationDriver(host, "warga-8");
        var second = new ConversationDriver(host, "warga-8", conversationId: "conv-warga-8-tab-2");

        // Two conversations of one sender: both start while the limit is free, only the first may submit.
        await AnswerUntilPhotoAsync(second);
        await SubmitAsync(chat);
        await second.SayAsync("lewati", "Kirim laporan ini?");
        await second.SayAsync("ya", "Terlalu banyak percobaan", "184");
        await chat.SayAsync("lapor narkoba", "Terlalu banyak percobaan");
        Assert.Single(host.Get<ITipStore>().List());

        // Another sender is not affected, and the limit passes with its window.
        await new ConversationDriver(host, "warga-9").SayAsync("lapor", "Apa yang ingin Anda laporkan?");
        host.Time.Advance(TimeSpan.FromHours(1) + TimeSpan.FromMinutes(1));
        await chat.SayAsync("lapor", "Apa yang ingin Anda laporkan?");
    }

    [Fact]
    public async Task AnEnglishResidentIsAnsweredInEnglish()
    {
        using var host = new DialogsHost(_folder.Path);
        var chat = new ConversationDriver(host, "resident-en", locale: "en-US");

        await chat.SayAsync("report drugs", "Reporters are protected by law", "Law 35/2009 Article 100", "184", "do not include your own name", "What would you like to report?");
        chat.AssertSuggests("Dealing/selling", "Drug use", "Production/storage", "Other");
        await chat.SayAsync("dealing", "Describe what you saw");
        await chat.SayAsync("Someone sells pills behind the night market every weekend", "kecamatan");
        await chat.SayAsync("Kandangan", "village");
        await chat.SayAsync("skip", "When does");
        await chat.SayAsync("every weekend", "photo");
        await chat.SayAsync("skip", "Report summary", "Dealing/selling", "Photo: none", "Send this report?");
        var code = CodeIn(await chat.SayAsync("yes", "Your tracking code", "check TIP-"));
        await chat.SayAsync("check " + code, "Status of report", "**new**");
    }

    [Fact]
    public async Task ProgressCommandsStillGoToTheProgressFeatureAndTheMenuButtonStartsATip()
    {
        using var host = new DialogsHost(_folder.Path);
        var chat = new ConversationDriver(host, "warga-10");

        await chat.SayAsync("lapor RA-2027-001 B6", "khusus untuk fokal OPD");
        chat.AssertNoReplyContains("Apa yang ingin Anda laporkan");
        await chat.SayAsync("lapor progres", "khusus untuk fokal OPD");
        chat.AssertNoReplyContains("Apa yang ingin Anda laporkan");

        await chat.SayAsync("halo");
        chat.AssertSuggests("Lapor narkoba");
        await chat.SayAsync("Lapor narkoba", "Apa yang ingin Anda laporkan?");
    }

    private static async Task AnswerUntilPhotoAsync(ConversationDriver chat)
    {
        await chat.SayAsync("lapor", "Apa yang ingin Anda laporkan?");
        await chat.SayAsync("1", "Ceritakan");
        await chat.SayAsync(Description, "kecamatan");
        await chat.SayAsync("Kandangan", "desa");
        await chat.SayAsync("lewati", "Kapan");
        await chat.SayAsync("tadi malam", "foto");
    }

    private static async Task<string> SubmitAsync(ConversationDriver chat)
    {
        await AnswerUntilPhotoAsync(chat);
        await chat.SayAsync("lewati", "Kirim laporan ini?");
        return CodeIn(await chat.SayAsync("ya", "Kode lacak"));
    }

    private static Activity WithPhoto(ConversationDriver chat, byte[] bytes, string contentType = "image/jpeg") => chat.Message(string.Empty) with
    {
        Text = null,
        Attachments = [new Attachment { ContentType = contentType, Name = "IMG_0001.jpg", ContentUrl = $"data:{contentType};base64,{Convert.ToBase64String(bytes)}" }],
    };

    private static byte[] Download(DialogsHost host, string fileId)
    {
        return host.Get<ITipStore>().ReadPhoto(fileId) ?? throw new InvalidOperationException("no photo " + fileId);
    }

    private static string StateKey(ConversationDriver chat) => ConversationKeys.For("test", chat.ConversationId);

    private static string CodeIn(string text)
    {
        var match = Code().Match(text);
        Assert.True(match.Success, text);
        return match.Value;
    }

    [GeneratedRegex(@"TIP-[2-9A-Z]{4}-[2-9A-Z]{4}")]
    private static partial Regex Code();

    public void Dispose() => _folder.Dispose();
}
