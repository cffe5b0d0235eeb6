using Bot.Tests.Support;

namespace Bot.Tests.Understanding;

/// <summary>
/// The people, sign-in, draft and profile commands (issue 15) reached in people's own words, over the real pipeline
/// and a real database file: the understanding step routes them to the same handlers as their typed forms.
/// </summary>
public sealed class OwnWordsPeopleTests : IDisposable
{
    private readonly TempDirectory _folder = new();

    [Fact]
    public async Task ACoordinatorManagesPeopleInOwnWords()
    {
        using var host = new DialogsHost(_folder.Path);
        var koord = ConversationScenarios.Coordinator(host);
        await koord.SayAsync("tambah opd Dinas Pendidikan dan Kebudayaan (Disdikbud) WITA", "tersimpan");
        await ConversationScenarios.FokalAsync(host, koord, "Disdikbud", "dewi");

        await koord.SayAsync("tolong buatkan kode undangan buat koordinator baru", "Kode undangan **koordinator**");
        await koord.SayAsync("siapa aja fokal disdik?", "Fokal **Dinas Pendidikan dan Kebudayaan**", "Fokal dewi");
        await koord.SayAsync("koordinatornya siapa aja", "Koordinator:");
        await koord.SayAsync("pindahkan rencana aksi fokal lama ke yang baru", "mutasi Andi Wijaya ke Rina Sari");
    }

    [Fact]
    public async Task AFokalSignsInElsewhereKeepsADraftAndChangesTheirNameInOwnWords()
    {
        using var host = new DialogsHost(_folder.Path);
        var fokal = await ConversationScenarios.FokalAsync(host, ConversationScenarios.Coordinator(host), "Dinkes", "sari");

        // Worded loosely, it is asked about; the button sends the typed command.
        await fokal.SayAsync("hp sy mau ganti yg baru, biar tetap jd fokal gmn", "*Masuk di perangkat lain*");
        fokal.AssertSuggests("Masuk di perangkat lain");
        await fokal.SayAsync("kode masuk", "Kode masuk untuk **Fokal sari**");
        var code = System.Text.RegularExpressions.Regex.Match(fokal.Text, @"\*([A-Z0-9]{8})\*").Groups[1].Value;
        var phone = new ConversationDriver(host, "sari-phone");
        await phone.SayAsync("masuk pakai kode " + code, "Anda masuk sebagai **Fokal sari**");

        await phone.SayAsync("mau tambah rencana aksi", "**fokus**");
        await phone.SayAsync("nanti", "sebagai draf");
        await fokal.SayAsync("lanjutin isian yg tadi", "Melanjutkan draf", "**fokus**");
        await fokal.SayAsync("batal", "dibatalkan");
        Assert.DoesNotContain("Lanjut", fokal.Suggestions); // the resumed draft ended with "batal": nothing to resume

        await fokal.SayAsync("tolong ganti nama saya jadi Sari Kusuma", "Nama Anda sekarang **Sari Kusuma**");
        await phone.SayAsync("keluar dari akun ini", "Anda sudah keluar");
    }

    [Fact]
    public async Task AResidentIsToldWhoMayManagePeople()
    {
        using var host = new DialogsHost(_folder.Path);
        var warga = new ConversationDriver(host, "warga");

        await warga.SayAsync("siapa fokal dinkes", "khusus untuk koordinator");
        await warga.SayAsync("undang koordinator", "khusus untuk koordinator");
    }

    public void Dispose() => _folder.Dispose();
}
