using Bot.Dialogs.Commitments;
using Bot.Dialogs.Domain;
using Bot.Dialogs.Storage;
using Bot.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace Bot.Tests.Dialogs.Commitments;

/// <summary>
/// Issue 15, "forms never throw work away", on the real registration form over a real LiteDB file: an unusable
/// answer gets an example, repeated failures pause the form instead of ending it, "Tidak" at the summary changes one
/// field, a draft survives "menu" (and a restart, and another conversation) and resumes with "lanjut", the plan year
/// is asked in December with next year first, and a period already over is flagged before saving.
/// </summary>
public sealed class ForgivingFormTests : IDisposable
{
    // Thursday 10 December 2026, 09:00 WITA.
    private static readonly DateTimeOffset December = new(2026, 12, 10, 1, 0, 0, TimeSpan.Zero);
    private readonly TempDirectory _folder = new();

    [Fact]
    public async Task ThreeUnusableDatesPauseTheFormAndNoneOfTheSevenEarlierAnswersIsLost()
    {
        using var host = new DialogsHost(_folder.Path);
        var fokal = await ConversationScenarios.FokalAsync(host, ConversationScenarios.Coordinator(host), "Dinsos", "budi");
        await AnswerUpToTheDeadlineAsync(fokal);

        await fokal.SayAsync("kapan-kapan", "belum bisa membaca tanggal", "Contoh jawaban: *30 Juni 2027*", "tenggat");
        await fokal.SayAsync("secepatnya", "belum bisa membaca tanggal", "Contoh jawaban");
        await fokal.SayAsync("🙂", "setelah 3 kali", "Tidak ada yang hilang", "*bantuan*", "*nanti*", "*lanjut*", "*batal*");
        fokal.AssertSuggests("Bantuan", "Nanti", "Batal");

        // "nanti" keeps the draft and frees the chat; the user does something else, then comes back.
        await fokal.SayAsync("nanti", "sebagai draf", "*lanjut*");
        await fokal.SayAsync("rencana aksi saya", "Belum ada rencana aksi");
        fokal.AssertSuggests("Lanjut");
        await fokal.SayAsync("lanjut", "Melanjutkan draf", "rencana aksi baru", "tenggat");
        await fokal.SayAsync("30 Juni", "periode pelaporan");
        await fokal.SayAsync("B6 dan B12", "Ringkasan", "Pencegahan", "Sosialisasi/Advokasi", "Sosialisasi bahaya narkoba di SMA", "jumlah siswa", "1.500 orang", "Kandangan", "Rp 25.000.000", "30 Juni 2027");
        await fokal.SayAsync("ya", "Tersimpan sebagai **RA-2027-001**");
        Assert.Empty(host.Get<IFormDraftStore>().ListFor(User(host, fokal).Id));
    }

    [Fact]
    public async Task TidakAtTheSummaryChangesOnlyTheFieldPicked()
    {
        using var host = new DialogsHost(_folder.Path);
        var fokal = await ConversationScenarios.FokalAsync(host, ConversationScenarios.Coordinator(host), "Dinsos", "budi");
        await AnswerUpToTheDeadlineAsync(fokal);
        await fokal.SendAsync("30 Juni");
        await fokal.SayAsync("B6", "Ringkasan", "30 Juni 2027");

        await fokal.SayAsync("tidak", "Bagian mana", "Jawaban lainnya tetap tersimpan", "Tenggat", "Anggaran");
        fokal.AssertSuggests("Tenggat", "Judul");
        await fokal.SayAsync("tenggat", "tenggat");
        await fokal.SayAsync("30 September", "Ringkasan", "30 September 2027", "Sosialisasi bahaya narkoba di SMA", "1.500 orang");
        await fokal.SayAsync("ya", "Tersimpan");

        var saved = host.Get<ICommitmentStore>().FindByCode("RA-2027-001")!;
        Assert.Equal(new DateOnly(2027, 9, 30), saved.Deadline);
        Assert.Equal("Sosialisasi bahaya narkoba di SMA", saved.Title);
        Assert.Equal(25_000_000m, saved.Budget);
    }

    [Fact]
    public async Task ADraftSurvivesMenuARestartAndAnotherConversation()
    {
        var host = new DialogsHost(_folder.Path);
        var fokal = await ConversationScenarios.FokalAsync(host, ConversationScenarios.Coordinator(host), "Dinsos", "budi");
        await fokal.SendAsync("rencana aksi baru");
        await fokal.SendAsync("pencegahan");
        await fokal.SayAsync("Sosialisasi", "judul");
        await fokal.SayAsync("menu", "sebagai draf", "Yang bisa saya lakukan");
        fokal.AssertSuggests("Lanjut", "Rencana aksi saya");

        // A second start does not overwrite the draft.
        await fokal.SayAsync("rencana aksi baru", "masih punya draf", "rencana aksi baru, 2 jawaban");
        host.Dispose();

        // Another conversation (a new tab, tomorrow) of the same person, after a restart.
        using var reopened = new DialogsHost(_folder.Path);
        var tab = new ConversationDriver(reopened, fokal.UserId, conversationId: "conv-tab-2");
        await tab.SayAsync("lanjut", "Melanjutkan draf", "judul kegiatan");
        await tab.SayAsync("Tes urine ASN", "indikator");

        // The first conversation takes it back; the tab's copy is then stale and must not be saved a second time.
        fokal.Host = reopened;
        await fokal.SayAsync("lanjut", "Melanjutkan draf", "indikator");
        await tab.SayAsync("jumlah ASN dites", "percakapan lain");
        await fokal.SayAsync("jumlah ASN dites", "target");
    }

    [Fact]
    public async Task InDecemberThePlanYearIsAskedWithNextYearFirstAndDatesFallInIt()
    {
        using var host = new DialogsHost(_folder.Path, new FakeTimeProvider(December));
        var fokal = await ConversationScenarios.FokalAsync(host, ConversationScenarios.Coordinator(host), "Dinsos", "budi");
        await ConversationScenarios.AnswerUpToTheBudgetAsync(fokal);
        await fokal.SayAsync("Rp 25 juta", "tahun rencana", "1. 2027 (tahun depan)", "2. 2026 (tahun ini)");
        await fokal.SayAsync("1", "tenggat", "tahun 2027");

        // The dates of the original report: month first, a two-digit year, a written month.
        await fokal.SayAsync("12/31/2026", "tahun rencana 2027", "*30 Juni 2027*");
        await fokal.SayAsync("tgl 15 jan 27", "periode pelaporan");
        await fokal.SayAsync("B6", "Ringkasan rencana aksi (tahun 2027)", "15 Januari 2027");
        fokal.AssertNoReplyContains("sudah lewat");
        await fokal.SayAsync("ya", "RA-2027-001");
        Assert.Equal(new DateOnly(2027, 1, 15), host.Get<ICommitmentStore>().FindByCode("RA-2027-001")!.Deadline);
    }

    [Fact]
    public async Task APeriodAlreadyOverIsFlaggedBeforeSaving()
    {
        using var host = new DialogsHost(_folder.Path, new FakeTimeProvider(December));
        var fokal = await ConversationScenarios.FokalAsync(host, ConversationScenarios.Coordinator(host), "Dinsos", "budi");
        await ConversationScenarios.AnswerUpToTheBudgetAsync(fokal);
        await fokal.SendAsync("lewati");
        await fokal.SayAsync("2026", "tenggat", "tahun 2026");
        await fokal.SayAsync("31/12", "periode pelaporan");
        await fokal.SayAsync("B6 dan B12", "Ringkasan rencana aksi (tahun 2026)", "⚠️ Periode B6 2026 sudah lewat (berakhir 30 Juni 2026)", "terlambat");
        fokal.AssertNoReplyContains("Periode B12 2026 sudah lewat");

        // The user fixes it from the summary instead of starting over.
        await fokal.SayAsync("tidak", "Periode lapor");
        await fokal.SayAsync("periode lapor", "periode pelaporan");
        await fokal.SayAsync("B12", "Ringkasan");
        fokal.AssertNoReplyContains("sudah lewat");
        await fokal.SayAsync("ya", "RA-2026-001");
        Assert.Equal([ReportingPeriod.B12], host.Get<ICommitmentStore>().FindByCode("RA-2026-001")!.Periods);
    }

    [Fact]
    public async Task InDecemberOfThisPlanYearTheDeadlineExamplesAreDatesTheQuestionAccepts()
    {
        using var host = new DialogsHost(_folder.Path, new FakeTimeProvider(December));
        var fokal = await ConversationScenarios.FokalAsync(host, ConversationScenarios.Coordinator(host), "Dinsos", "budi");
        await ConversationScenarios.AnswerUpToTheBudgetAsync(fokal);
        await fokal.SayAsync("lewati", "tahun rencana");
        await fokal.SayAsync("2026", "tahun 2026", "*31 Desember*", "*akhir Desember*", "*31/12/2026*");
        fokal.AssertNoReplyContains("30 Juni");

        // A date before today is refused, and the example offered then is one the question takes.
        await fokal.SayAsync("30/6/2026", "tidak boleh sebelum hari ini", "Contoh jawaban: *31 Desember 2026*, *31/12/2026* atau *akhir Desember*");
        await fokal.SayAsync("akhir Desember", "periode pelaporan");
    }

    [Fact]
    public void ADeadlineExampleIsNeverBeforeTodayWhileThePlanYearRuns()
    {
        for (var day = new DateOnly(2026, 1, 1); day.Year == 2026; day = day.AddDays(1))
        {
            Assert.True(CommitmentPrompts.ExampleDeadline(day, 2026) >= day, day.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal(2026, CommitmentPrompts.ExampleDeadline(day, 2026).Year);
            Assert.Equal(new DateOnly(2027, 6, 30), CommitmentPrompts.ExampleDeadline(day, 2027));
        }

        Assert.Equal(new DateOnly(2025, 12, 31), CommitmentPrompts.ExampleDeadline(new DateOnly(2026, 3, 1), 2025));
    }

    [Fact]
    public async Task OutsideTheLastQuarterThePlanYearIsNotAsked()
    {
        using var host = new DialogsHost(_folder.Path);
        var fokal = await ConversationScenarios.FokalAsync(host, ConversationScenarios.Coordinator(host), "Dinsos", "budi");
        await ConversationScenarios.AnswerUpToTheBudgetAsync(fokal);
        await fokal.SayAsync("lewati", "tenggat", "tahun 2027");
        fokal.AssertNoReplyContains("tahun rencana");
    }

    /// <summary>Seven answers (focus area to budget), then the deadline question is pending.</summary>
    private static async Task AnswerUpToTheDeadlineAsync(ConversationDriver fokal)
    {
        await ConversationScenarios.AnswerUpToTheBudgetAsync(fokal);
        await fokal.SayAsync("Rp 25 juta", "tenggat");
    }

    private static BotUser User(DialogsHost host, ConversationDriver chat) => host.Get<IUserStore>().FindByAccount(chat.UserKey)!;

    public void Dispose() => _folder.Dispose();
}
