using Bot.Dialogs.Storage;
using Bot.Tests.Dialogs.Commitments;
using Bot.Tests.Support;

namespace Bot.Tests.Understanding;

/// <summary>
/// A fokal, a coordinator and a resident say what they want in their own words (the phrasings from the issue) and
/// reach the right flow, over the real pipeline and a real database file.
/// </summary>
public sealed class OwnWordsConversationTests : IDisposable
{
    private readonly TempDirectory _folder = new();

    [Fact]
    public async Task AFokalManagesCommitmentsInOwnWords()
    {
        using var host = new DialogsHost(_folder.Path);
        var fokal = await ConversationScenarios.FokalAsync(host, ConversationScenarios.Coordinator(host), "Dinkes", "sari");

        await fokal.SayAsync("mau tambah rencana aksi", "**fokus**");
        await fokal.SayAsync("batal", "dibatalkan");
        await CommitmentScript.RegisterAsync(fokal, "Sosialisasi bahaya narkoba di SMA");

        await fokal.SayAsync("RA ku mana aja", "RA-2027-001", "Sosialisasi bahaya narkoba di SMA");
        await fokal.SayAsync("liat ra 2027 1 dong", "RA-2027-001", "versi");
        await fokal.SayAsync("mau lapor capaian ra2027001 semester 1", "**realisasi**");
        await fokal.SayAsync("batal", "dibatalkan");
        await fokal.SayAsync("mau ubah rencana aksi", "Sebutkan kodenya");
        fokal.AssertSuggests("ubah RA-2027-001");
    }

    [Fact]
    public async Task ACoordinatorFollowsUpInOwnWords()
    {
        using var host = new DialogsHost(_folder.Path);
        var koord = ConversationScenarios.Coordinator(host);
        await koord.SayAsync("tambah opd Dinas Pendidikan dan Kebudayaan (Disdikbud) WITA", "tersimpan");
        var fokal = await ConversationScenarios.FokalAsync(host, koord, "Disdikbud", "dewi");
        await CommitmentScript.RegisterAsync(fokal, "Tes urine guru");

        await koord.SayAsync("buat undangan utk disdikbud", "Kode undangan untuk **Dinas Pendidikan dan Kebudayaan**");
        await koord.SayAsync("bikin kode undangan buat dinas pendidikan", "Kode undangan untuk **Dinas Pendidikan dan Kebudayaan**");
        await koord.SayAsync("siapa aja yg blm lapor b6 2027?", "Belum lapor B6 2027", "Disdikbud");
        await koord.SayAsync("opd mana yg belum setor laporan akhir tahun 2026", "B12 2026");
        await koord.SayAsync("rekap laporan", "B12 2026"); // the digest of the current period (no 2026 commitments here)
        await koord.SayAsync("minta link dasbor", "tautan masuk dasbor");
        await koord.SayAsync("opd apa aja yg udh terdaftar", "Dinas Pendidikan dan Kebudayaan");
        await koord.SayAsync("verif", "Tidak ada laporan");
    }

    [Fact]
    public async Task AResidentIsHelpedAndToldWhoMayUseWhat()
    {
        using var host = new DialogsHost(_folder.Path);
        var warga = new ConversationDriver(host, "warga");

        await warga.SayAsync("bisa bantu apa aja?", "Yang bisa saya lakukan untuk Anda", "*lapor narkoba*");
        await warga.SayAsync("perintah apa aja yg bisa?", "Yang bisa saya lakukan untuk Anda");
        await warga.SayAsync("mau lapor ada yg jualan sabu", "Apa yang ingin Anda laporkan?");
        await warga.SayAsync("batal", "dibatalkan");
        await warga.SayAsync("mau tambah rencana aksi", "khusus untuk fokal", "*gabung K7M2QX9A*");
        await warga.SayAsync("minta link dasbor", "hanya untuk koordinator");
        await warga.SayAsync("siapa aja yg blm lapor?", "hanya untuk koordinator");
    }

    [Fact]
    public async Task EnglishUsersAreUnderstoodToo()
    {
        using var host = new DialogsHost(_folder.Path);
        var fokal = await ConversationScenarios.FokalAsync(host, ConversationScenarios.Coordinator(host), "Dinsos", "john", locale: "en-US");
        var koord = ConversationScenarios.Coordinator(host, "boss", "en-US");

        await fokal.SayAsync("i want to add an action plan", "**focus area**");
        await fokal.SayAsync("cancel", "cancelled");
        await koord.SayAsync("who has not reported B6 2027 yet?", "B6 2027");
        await koord.SayAsync("send me the dashboard link", "sign-in link to the coordinator dashboard");
    }

    [Fact]
    public async Task AMessageTooLongForACommandIsNotOne()
    {
        using var host = new DialogsHost(_folder.Path);
        var fokal = await ConversationScenarios.FokalAsync(host, ConversationScenarios.Coordinator(host), "Dinkes", "sari");

        await fokal.SayAsync("rencana aksi baru " + new string('x', 400), "belum memahami");
        Assert.Empty(host.Get<IConversationStateStore>().Load(ConversationKeys.For("test", fokal.ConversationId)).Stack);
    }

    public void Dispose() => _folder.Dispose();
}
