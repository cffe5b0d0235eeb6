using Bot.Dialogs.Domain;
using Bot.Dialogs.Storage;
using Bot.Tests.Support;

namespace Bot.Tests.Dialogs.Commitments;

public sealed class CommitmentConversationTests : IDisposable
{
    private readonly TempDirectory _folder = new();

    [Fact]
    public async Task AFokalRegistersACommitmentByChat()
    {
        using var host = new DialogsHost(_folder.Path);
        var fokal = await ConversationScenarios.FokalAsync(host, ConversationScenarios.Coordinator(host), "Dinkes", "sari");

        await fokal.SayAsync("rencana aksi baru", "Dinkes", "fokus", "1. Pencegahan");
        fokal.AssertSuggests("Pencegahan", "Pemberdayaan", "Kelembagaan");
        Assert.All(fokal.Suggestions, title => Assert.True(title.Length <= 20, title));
        await fokal.SayAsync("pencegahan", "Program");
        Assert.All(fokal.Suggestions, title => Assert.True(title.Length <= 20, title));
        await fokal.SayAsync("Sosialisasi", "judul kegiatan");
        await fokal.SayAsync("Sosialisasi bahaya narkoba di SMA", "indikator keluaran");
        await fokal.SayAsync("jumlah siswa yang mengikuti sosialisasi", "target");
        await fokal.SayAsync("1.500 orang", "lokasi");
        await fokal.SayAsync("Kec. Kandangan, Desa Jambu Hilir", "anggaran");
        fokal.AssertSuggests("Lewati");
        await fokal.SayAsync("Rp 25 juta", "tenggat");
        await fokal.SayAsync("akhir Juni", "periode pelaporan");
        await fokal.SayAsync("B6 dan B12", "Ringkasan", "Pencegahan", "Sosialisasi/Advokasi", "1.500 orang", "Rp 25.000.000", "30 Juni 2027", "B6, B12", "Simpan");
        fokal.AssertSuggests("Ya, simpan", "Tidak, ubah");
        await fokal.SayAsync("ya", "Tersimpan sebagai **RA-2027-001**");

        var saved = host.Get<ICommitmentStore>().FindByCode("RA-2027-001")!;
        Assert.Equal(FocusArea.Pencegahan, saved.FocusArea);
        Assert.Equal(Programme.SosialisasiAdvokasi, saved.Programme);
        Assert.Equal(1500m, saved.TargetValue);
        Assert.Equal("orang", saved.Unit);
        Assert.Equal(25_000_000m, saved.Budget);
        Assert.Equal(new DateOnly(2027, 6, 30), saved.Deadline);
        Assert.Equal([ReportingPeriod.B6, ReportingPeriod.B12], saved.Periods);
        Assert.Equal(host.Get<IOrganisationStore>().FindByName("Dinkes")!.Id, saved.OrganisationId);
    }

    [Fact]
    public async Task EveryQuestionRefusesBadInputAndAsksAgain()
    {
        using var host = new DialogsHost(_folder.Path);
        var fokal = await ConversationScenarios.FokalAsync(host, ConversationScenarios.Coordinator(host), "Dinsos", "budi");

        await fokal.SendAsync("rencana aksi baru");
        await fokal.SayAsync("xyz", "tidak ada dalam daftar", "fokus");
        await fokal.SayAsync("rehab", "Program");
        await fokal.SayAsync("99", "tidak ada dalam daftar");
        await fokal.SayAsync("tes urine", "judul");
        await fokal.SayAsync(new string('x', 20_000), "terlalu panjang", "judul");
        await fokal.SayAsync("💊💊💊", "huruf atau angka", "judul");
        await fokal.SayAsync("Tes urine ASN", "indikator");
        await fokal.SayAsync(new string('y', 201), "maksimal 200 karakter");
        await fokal.SayAsync("jumlah ASN dites", "target");
        await fokal.SayAsync("abc", "belum bisa membaca angka", "target");
        await fokal.SayAsync("0", "lebih dari 0");
        await fokal.SayAsync("300", "satuan");
        await fokal.SayAsync("😀", "huruf atau angka", "satuan");
        await fokal.SayAsync("orang", "lokasi");
        await fokal.SayAsync("Kandangan", "anggaran");
        await fokal.SayAsync("abc", "belum bisa membaca angka", "anggaran");
        await fokal.SayAsync("-5", "tidak boleh negatif");
        await fokal.SayAsync("lewati", "tenggat");
        await fokal.SayAsync("1/1/2027", "tidak boleh sebelum hari ini (1 Maret 2027)");
        await fokal.SayAsync("30/6/2028", "tahun rencana 2027");
        await fokal.SayAsync("B12", "periode");
        await fokal.SayAsync("B7", "tidak ada dalam daftar");
        await fokal.SayAsync("b12", "Ringkasan", "Rehabilitasi", "Tes Urine/Deteksi Dini", "300 orang", "Anggaran: -", "31 Desember 2027");
        await fokal.SayAsync("mungkin", "tidak ada dalam daftar", "Ya, simpan");
        await fokal.SayAsync("ok", "RA-2027-001");

        var saved = host.Get<ICommitmentStore>().FindByCode("RA-2027-001")!;
        Assert.Null(saved.Budget);
        Assert.Equal([ReportingPeriod.B12], saved.Periods);
    }

    [Fact]
    public async Task BatalAtTheSummarySavesNothing()
    {
        using var host = new DialogsHost(_folder.Path);
        var fokal = await ConversationScenarios.FokalAsync(host, ConversationScenarios.Coordinator(host), "Dinsos", "budi");
        await CommitmentScript.RegisterAsync(fokal, "Kegiatan A", confirm: "batal");
        fokal.AssertReply("dibatalkan");
        Assert.Empty(host.Get<ICommitmentStore>().ListAll());
        await fokal.SayAsync("lanjut", "Tidak ada draf");
    }

    [Fact]
    public async Task AFokalListsShowsEditsAndCancelsAndEveryChangeIsAVersion()
    {
        using var host = new DialogsHost(_folder.Path);
        var fokal = await ConversationScenarios.FokalAsync(host, ConversationScenarios.Coordinator(host), "Disdik", "rina");
        await CommitmentScript.RegisterAsync(fokal, "Sosialisasi sekolah");
        await CommitmentScript.RegisterAsync(fokal, "Tes urine guru");

        await fokal.SayAsync("rencana aksi saya", "RA-2027-001", "Sosialisasi sekolah", "RA-2027-002", "Tes urine guru", "aktif");
        fokal.AssertSuggests("lihat RA-2027-001");
        await fokal.SayAsync("lihat ra-2027-002", "RA-2027-002", "versi 1", "Tes urine guru", "Kandangan");

        await fokal.SayAsync("ubah RA-2027-002", "Bagian mana", "Target");
        fokal.AssertSuggests("Judul", "Target", "Tenggat");
        await fokal.SayAsync("target", "sekarang: 100");
        await fokal.SayAsync("abc", "belum bisa membaca angka");
        await fokal.SayAsync("250", "dari: 100", "menjadi: 250");
        await fokal.SayAsync("ya", "versi 2");

        await fokal.SayAsync("ubah RA-2027-002", "Bagian mana");
        await fokal.SayAsync("tenggat", "sekarang: 30 Juni 2027");
        await fokal.SayAsync("kemarin", "belum bisa membaca tanggal");
        await fokal.SayAsync("28/2/2027", "tidak boleh sebelum hari ini");
        await fokal.SayAsync("30 September 2027", "menjadi: 30 September 2027");
        await fokal.SayAsync("ya", "versi 3");

        await fokal.SayAsync("batalkan RA-2027-002", "Mengapa", "Tes urine guru");
        await fokal.SayAsync("Anggaran dialihkan ke kegiatan lain", "alasan", "Anggaran dialihkan");
        await fokal.SayAsync("ya", "sudah dibatalkan");
        await fokal.SayAsync("ubah RA-2027-002", "sudah dibatalkan dan tidak bisa diubah");
        await fokal.SayAsync("lihat RA-2027-002", "dibatalkan", "versi 4", "250 orang", "30 September 2027");

        var store = host.Get<ICommitmentStore>();
        var commitment = store.FindByCode("RA-2027-002")!;
        Assert.Equal(CommitmentStatus.Cancelled, commitment.Status);
        Assert.Equal("Anggaran dialihkan ke kegiatan lain", commitment.CancelReason);
        var history = store.History(commitment.Id);
        Assert.Equal(["created", "Target", "Deadline", "cancelled"], history.Select(v => v.Change));
        Assert.Equal("100", history[1].OldValue);
        Assert.Equal("250", history[1].NewValue);
    }

    [Fact]
    public async Task EditingTheSameValueChangesNothing()
    {
        using var host = new DialogsHost(_folder.Path);
        var fokal = await ConversationScenarios.FokalAsync(host, ConversationScenarios.Coordinator(host), "Disdik", "rina");
        await CommitmentScript.RegisterAsync(fokal, "Sosialisasi sekolah");
        await fokal.SendAsync("ubah RA-2027-001");
        await fokal.SendAsync("lokasi");
        await fokal.SayAsync("Kandangan", "tidak ada yang diubah");
        Assert.Equal(1, host.Get<ICommitmentStore>().FindByCode("RA-2027-001")!.Version);
    }

    [Fact]
    public async Task AnotherOpdsCommitmentIsNeitherShownNorChanged()
    {
        using var host = new DialogsHost(_folder.Path);
        var koord = ConversationScenarios.Coordinator(host);
        var owner = await ConversationScenarios.FokalAsync(host, koord, "Dinkes", "owner");
        var other = await ConversationScenarios.FokalAsync(host, koord, "Dinsos", "other");
        await CommitmentScript.RegisterAsync(owner, "Rahasia Dinkes");

        foreach (var command in new[] { "lihat RA-2027-001", "ubah RA-2027-001", "batalkan RA-2027-001" })
        {
            await other.SayAsync(command, "tidak ditemukan di OPD Anda");
            other.AssertNoReplyContains("Rahasia Dinkes");
        }

        await other.SayAsync("rencana aksi saya", "Belum ada rencana aksi");
        other.AssertNoReplyContains("RA-2027-001");
        await other.SayAsync("lihat RA-2099-999", "tidak ditemukan di OPD Anda");
        Assert.Equal(1, host.Get<ICommitmentStore>().FindByCode("RA-2027-001")!.Version);

        await koord.SayAsync("lihat RA-2027-001", "Rahasia Dinkes", "Dinkes");
    }

    [Fact]
    public async Task ResidentsAreToldTheCommandsAreForFokal()
    {
        using var host = new DialogsHost(_folder.Path);
        var koord = ConversationScenarios.Coordinator(host);
        var owner = await ConversationScenarios.FokalAsync(host, koord, "Dinkes", "owner");
        await CommitmentScript.RegisterAsync(owner, "Rahasia Dinkes");
        var warga = new ConversationDriver(host, "warga");

        foreach (var command in new[] { "rencana aksi baru", "rencana aksi saya", "lihat RA-2027-001", "ubah RA-2027-001", "batalkan RA-2027-001" })
        {
            await warga.SayAsync(command, "khusus untuk fokal");
            warga.AssertNoReplyContains("Rahasia");
        }

        await koord.SayAsync("rencana aksi baru", "khusus untuk fokal");
    }

    [Fact]
    public async Task AnUnknownCommandOutsideAFormIsNotUnderstood()
    {
        using var host = new DialogsHost(_folder.Path);
        var fokal = await ConversationScenarios.FokalAsync(host, ConversationScenarios.Coordinator(host), "Dinkes", "f");
        await fokal.SayAsync("hapus semua data", "belum memahami");

        // A bare "ubah" is an edit without its code: the fokal is asked for the code (issue 12), no longer "not understood".
        await fokal.SayAsync("ubah", "Sebutkan kodenya", "*ubah RA-2027-001*");
    }

    [Fact]
    public async Task ARegistrationContinuesAfterARestartInTheMiddle()
    {
        var host = new DialogsHost(_folder.Path);
        var fokal = await ConversationScenarios.FokalAsync(host, ConversationScenarios.Coordinator(host), "Dinkes", "sari");
        await fokal.SendAsync("rencana aksi baru");
        await fokal.SendAsync("Pencegahan");
        await fokal.SendAsync("KOTAN");
        await fokal.SayAsync("Pembentukan KOTAN di kantor", "indikator");
        host.Dispose();

        using var reopened = new DialogsHost(_folder.Path);
        fokal.Host = reopened;
        await fokal.SayAsync("jumlah kantor dengan KOTAN", "target");
        await fokal.SayAsync("kembali", "indikator");
        await fokal.SendAsync("jumlah unit kerja dengan KOTAN");
        await fokal.SendAsync("12 unit kerja");
        await fokal.SendAsync("Kandangan");
        await fokal.SendAsync("lewati");
        await fokal.SendAsync("B6");
        await fokal.SayAsync("B6", "Pembentukan KOTAN di kantor", "jumlah unit kerja dengan KOTAN", "12 unit kerja");
        await fokal.SayAsync("ya", "RA-2027-001");
        Assert.Equal("unit kerja", reopened.Get<ICommitmentStore>().FindByCode("RA-2027-001")!.Unit);
    }

    [Fact]
    public async Task AnEnglishSpeakingFokalRegistersInEnglish()
    {
        using var host = new DialogsHost(_folder.Path);
        var fokal = await ConversationScenarios.FokalAsync(host, ConversationScenarios.Coordinator(host), "Dinkes", "en", locale: "en-US");
        await fokal.SayAsync("new action plan", "focus area", "Prevention");
        await fokal.SayAsync("prevention", "programme");
        await fokal.SayAsync("Awareness", "activity title");
        await fokal.SendAsync("School sessions");
        await fokal.SendAsync("students reached");
        await fokal.SayAsync("1,500 students", "location");
        await fokal.SendAsync("Kandangan");
        await fokal.SendAsync("skip");
        await fokal.SayAsync("end of June", "reporting periods");
        await fokal.SayAsync("B6 and B12", "Save this action plan?", "1,500 students", "30 June 2027");
        await fokal.SayAsync("yes", "Saved as **RA-2027-001**");
        await fokal.SayAsync("my action plans", "RA-2027-001", "School sessions", "active");
    }

    public void Dispose() => _folder.Dispose();
}
