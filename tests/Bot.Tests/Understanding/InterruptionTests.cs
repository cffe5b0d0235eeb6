using Bot.Dialogs.Storage;
using Bot.Tests.Support;

namespace Bot.Tests.Understanding;

/// <summary>
/// Inside a form, a clear other intent is an interruption and the form resumes after it: a question is answered,
/// a typed command runs (its own form included); anything else is the answer, never a guessed command.
/// </summary>
public sealed class InterruptionTests : IDisposable
{
    private const string Description = "Ada transaksi sabu di warung dekat pasar tiap malam";

    private readonly TempDirectory _folder = new();

    [Fact]
    public async Task AQuestionAtTheTitleIsAnsweredAndNotTakenAsTheTitle()
    {
        using var host = UnderstandingHosts.WithQuestions(_folder.Path);
        var fokal = await AtTheTitleAsync(host);

        var reply = await fokal.SayAsync("apa itu desa bersinar?", "Bersinar", "**judul kegiatan**");
        Assert.True(reply.IndexOf("Bersinar", StringComparison.Ordinal) < reply.IndexOf("**judul kegiatan**", StringComparison.Ordinal), reply);

        await fokal.SayAsync("Sosialisasi P4GN di SMA", "**indikator keluaran**");
        await FinishAsync(fokal);
        Assert.Equal("Sosialisasi P4GN di SMA", Assert.Single(host.Get<ICommitmentStore>().ListAll()).Title);
    }

    [Fact]
    public async Task ATypedCommandRunsOverTheFormWhichAsksAgain()
    {
        using var host = new DialogsHost(_folder.Path);
        var fokal = await AtTheTitleAsync(host);

        var reply = await fokal.SayAsync("rencana aksi saya", "Belum ada rencana aksi", "**judul kegiatan**");
        Assert.True(reply.IndexOf("Belum ada rencana aksi", StringComparison.Ordinal) < reply.IndexOf("**judul kegiatan**", StringComparison.Ordinal), reply);
        await fokal.SayAsync("Razia gabungan", "**indikator keluaran**");
    }

    [Fact]
    public async Task ATipStartedInsideAFormReturnsToTheFormWhenSent()
    {
        using var host = new DialogsHost(_folder.Path);
        var fokal = await AtTheTitleAsync(host);

        await fokal.SayAsync("lapor narkoba", "Apa yang ingin Anda laporkan?");
        await fokal.SayAsync("1", "Ceritakan");
        await fokal.SayAsync(Description, "kecamatan");
        await fokal.SayAsync("Kandangan", "desa");
        await fokal.SayAsync("lewati", "Kapan");
        await fokal.SayAsync("tadi malam", "foto");
        await fokal.SayAsync("lewati", "Kirim laporan ini?");
        await fokal.SayAsync("ya", "Kode lacak", "**judul kegiatan**");

        await fokal.SayAsync("Tes urine pegawai", "**indikator keluaran**");
        Assert.Single(host.Get<ITipStore>().List());
    }

    [Fact]
    public async Task ACommandOnlyGuessedFromFreeTextIsTheAnswer()
    {
        using var host = new DialogsHost(_folder.Path);
        var fokal = await AtTheTitleAsync(host);

        // Worded like a request, but not in the command syntax: at a free-text question it is the answer.
        await fokal.SayAsync("mau lihat daftar rencana aksi kami", "**indikator keluaran**");
    }

    [Fact]
    public async Task SteeringSaidInOwnWordsSteersWhereAChoiceIsAsked()
    {
        using var host = new DialogsHost(_folder.Path);
        var fokal = await ConversationScenarios.FokalAsync(host, ConversationScenarios.Coordinator(host), "Dinkes", "sari");
        await fokal.SayAsync("rencana aksi baru", "**fokus**");

        await fokal.SayAsync("gak jadi deh, batalin aja", "dibatalkan");
        Assert.Empty(host.Get<IConversationStateStore>().Load(ConversationKeys.For("test", fokal.ConversationId)).Stack);
    }

    [Fact]
    public async Task AFreeTextAnswerIsNeverTakenForSteering()
    {
        using var host = new DialogsHost(_folder.Path);
        var fokal = await AtTheTitleAsync(host);

        // Words the model links to "menu awal" or "batal", as a title: the title it is.
        await fokal.SayAsync("Tahap awal sosialisasi, kembali ke sekolah", "**indikator keluaran**");
    }

    [Fact]
    public async Task AnEmergencyInATipsDescriptionIsAnsweredAndTheDescriptionKept()
    {
        using var host = UnderstandingHosts.WithQuestions(_folder.Path);
        var warga = new ConversationDriver(host, "warga");
        await warga.SayAsync("lapor narkoba", "Apa yang ingin Anda laporkan?");
        await warga.SayAsync("2", "Ceritakan");

        await warga.SayAsync("Ada yang overdosis di kos sebelah, pingsan habis pakai sabu", "119", "kecamatan");
        await warga.SayAsync("Kandangan", "desa");
        await warga.SayAsync("lewati", "Kapan");
        await warga.SayAsync("tadi malam", "foto");
        await warga.SayAsync("lewati", "Kirim laporan ini?");
        await warga.SayAsync("ya", "Kode lacak");
        Assert.Equal("Ada yang overdosis di kos sebelah, pingsan habis pakai sabu", Assert.Single(host.Get<ITipStore>().List()).Description);
    }

    [Fact]
    public async Task DrugDealingNamedInATipIsTheTipNotARequestForDrugs()
    {
        using var host = UnderstandingHosts.WithQuestions(_folder.Path);
        var warga = new ConversationDriver(host, "warga");

        // Opening the tip line in words that name the dealing: the tip line, not the refusal for obtaining drugs.
        await warga.SayAsync("mau lapor ada yg jualan sabu", "Apa yang ingin Anda laporkan?");
        warga.AssertNoReplyContains("tidak dapat membantu");
        await warga.SayAsync("1", "Ceritakan");

        // The description names the dealing too: it is the answer, with no refusal aside.
        await warga.SayAsync("Dia jualan sabu ke anak sekolah tiap malam di gang belakang pasar", "kecamatan");
        warga.AssertNoReplyContains("tidak dapat membantu");
        await warga.SayAsync("Kandangan", "desa");
        await warga.SayAsync("lewati", "Kapan");
        await warga.SayAsync("tadi malam", "foto");
        await warga.SayAsync("lewati", "Kirim laporan ini?");
        await warga.SayAsync("ya", "Kode lacak");
        Assert.Equal("Dia jualan sabu ke anak sekolah tiap malam di gang belakang pasar", Assert.Single(host.Get<ITipStore>().List()).Description);
    }

    public void Dispose() => _folder.Dispose();

    private static async Task<ConversationDriver> AtTheTitleAsync(DialogsHost host)
    {
        var fokal = await ConversationScenarios.FokalAsync(host, ConversationScenarios.Coordinator(host), "Dinkes", "sari");
        await fokal.SayAsync("rencana aksi baru", "**fokus**");
        await fokal.SayAsync("Pencegahan", "**Program**");
        await fokal.SayAsync("Sosialisasi", "**judul kegiatan**");
        return fokal;
    }

    private static async Task FinishAsync(ConversationDriver fokal)
    {
        foreach (var answer in new[] { "jumlah peserta", "100 orang", "Kandangan", "lewati", "30/6", "B6 dan B12" })
        {
            await fokal.SendAsync(answer);
        }

        await fokal.SayAsync("ya", "Tersimpan");
    }
}
