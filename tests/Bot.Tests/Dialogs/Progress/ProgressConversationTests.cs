using Bot.Dialogs.Activities;
using Bot.Dialogs.Domain;
using Bot.Dialogs.Engine;
using Bot.Dialogs.Notifications;
using Bot.Dialogs.Storage;
using Bot.Host.Storage.LiteDb;
using Bot.Tests.Dialogs.Commitments;
using Bot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Bot.Tests.Dialogs.Progress;

public sealed class ProgressConversationTests : IDisposable
{
    private readonly TempDirectory _folder = new();

    [Fact]
    public async Task AFokalReportsWithEvidenceAndTheCoordinatorApprovesAndLocksIt()
    {
        using var host = new DialogsHost(_folder.Path);
        var koord = ConversationScenarios.Coordinator(host);
        var fokal = await ConversationScenarios.FokalAsync(host, koord, "Dinkes", "sari");
        await CommitmentScript.RegisterAsync(fokal, "Sosialisasi sekolah");

        await fokal.SayAsync("lapor progres", "Rencana aksi mana", "RA-2027-001", "Sosialisasi sekolah");
        fokal.AssertSuggests("RA-2027-001");
        await fokal.SayAsync("1", "periode mana", "B6", "B12");
        await fokal.SayAsync("B6", "realisasi", "Targetnya 100 orang");
        await fokal.SayAsync("45 orang", "45 orang = **45%** dari target", "capaian dan kendalanya");
        await fokal.SayAsync("Sosialisasi di 3 SMA, 45 siswa hadir.", "Kirim **bukti**");
        await fokal.SendAsync(EvidenceFiles.With(fokal, ("foto1.png", "image/png", EvidenceFiles.Png(1)), ("daftar-hadir.pdf", "application/pdf", EvidenceFiles.Pdf(2))));
        fokal.AssertReply("Diterima: foto1.png", "Diterima: daftar-hadir.pdf", "selesai");
        await fokal.SendAsync(EvidenceFiles.With(fokal, ("foto1-lagi.png", "image/png", EvidenceFiles.Png(1))));
        fokal.AssertReply("File foto1-lagi.png isinya sama persis dengan foto1.png yang sudah terlampir di laporan ini");
        await fokal.SayAsync("selesai", "Ringkasan laporan", "45 orang (45%)", "foto1.png, daftar-hadir.pdf", "Kirim laporan ini");
        await fokal.SayAsync("ya", "tersimpan dan terkirim", "menunggu verifikasi");

        var report = host.Get<IProgressReportStore>().ListByState(ReportState.Submitted).Single();
        Assert.Equal(45m, report.RealisationPercent);
        Assert.Equal(["image/png", "application/pdf"], report.Evidence.Select(e => e.ContentType));
        Assert.Equal(EvidenceFiles.Png(1), host.Get<IEvidenceStore>().Read(report.Evidence[0].FileId));
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(EvidenceFiles.Png(1))), report.Evidence[0].Sha256);

        await koord.SayAsync("verifikasi", "menunggu verifikasi", "RA-2027-001 B6", "Dinkes");
        await koord.SayAsync("RA-2027-001 B6", "Realisasi: 45 orang (45%)", "Sosialisasi di 3 SMA", "Dilaporkan oleh: Fokal sari (Staf Dinkes)", "Bukti: foto1.png, daftar-hadir.pdf", "keputusan");
        koord.AssertSuggests("Setujui", "Kembalikan", "Nanti saja");

        // Evidence as attachments: the photo inline (an image attachment), the PDF as a link; never a hash.
        koord.AssertNoReplyContains("SHA-256");
        koord.AssertNoReplyContains(report.Evidence[0].Sha256[..12] + "…");
        var evidence = koord.Replies.Single(r => r.Text?.Contains("Bukti laporan (2 file)", StringComparison.Ordinal) == true);
        var photo = Assert.Single(evidence.Attachments!);
        Assert.Equal("image/png", photo.ContentType);
        Assert.Equal("foto1.png", photo.Name);
        Assert.StartsWith("http://localhost:3978/bukti/" + report.Evidence[0].Sha256 + "/foto1.png?t=", photo.ContentUrl, StringComparison.Ordinal);
        Assert.Matches(@"\[daftar-hadir\.pdf\]\(http://localhost:3978/bukti/[0-9a-f]{64}/daftar-hadir\.pdf\?t=[A-Za-z0-9_-]+\)", evidence.Text);
        await koord.SayAsync("setujui", "disetujui dan dikunci", "Tidak ada laporan yang menunggu");

        Assert.Equal(ReportState.Approved, host.Get<IProgressReportStore>().Get(report.Id)!.State);
        await fokal.SayAsync("lapor RA-2027-001 B6", "telah disetujui koordinator", "sudah disetujui dan dikunci");
        await fokal.SayAsync("lapor RA-2027-001 B6", "sudah disetujui dan dikunci");
        fokal.AssertNoReplyContains("telah disetujui koordinator");
    }

    [Fact]
    public async Task AReturnedReportReachesTheFokalProactivelyAndCanBeResubmitted()
    {
        var sender = new RecordingChannelSender();
        using var host = new DialogsHost(_folder.Path, configure: s => s.AddSingleton<IChannelSender>(sender));
        var koord = ConversationScenarios.Coordinator(host);
        var fokal = await ConversationScenarios.FokalAsync(host, koord, "Dinkes", "sari");
        await CommitmentScript.RegisterAsync(fokal, "Sosialisasi sekolah");
        await SubmitAsync(fokal, "lapor RA-2027-001 B6", "30", "Baru sebagian.", ("foto-awal.png", "image/png", EvidenceFiles.Png(3)));

        await koord.SendAsync("verifikasi");
        await koord.SendAsync("1");
        await koord.SayAsync("kembalikan", "catatan untuk fokal");
        await koord.SayAsync(new string('x', 600), "maksimal 500 karakter");
        await koord.SayAsync("Lampirkan daftar hadir.", "dikembalikan ke fokal", "akan diberi tahu");

        var (reference, notice) = Assert.Single(sender.Sent);
        Assert.Equal(fokal.ConversationId, reference.Conversation.Id);
        Assert.Contains("Lampirkan daftar hadir.", notice.Text, StringComparison.Ordinal);
        Assert.Contains("lapor RA-2027-001 B6", notice.SuggestedActions!.Actions.Select(a => a.Title));
        Assert.Empty(host.Get<NotificationOutbox>().ListPending());

        // The returned report reopens prefilled (values, narrative, evidence) straight at the summary.
        await fokal.SayAsync(
            "lapor RA-2027-001 B6", "dikembalikan koordinator dengan catatan", "Lampirkan daftar hadir.", "muat ulang",
            "Ringkasan laporan", "30 orang (30%)", "Baru sebagian.", "Bukti: foto-awal.png");
        await fokal.SayAsync("tidak", "Bagian mana", "Realisasi", "Narasi", "Bukti");
        await fokal.SayAsync("realisasi", "Berapa **realisasi**");
        await fokal.SayAsync("60", "60%", "Ringkasan laporan", "60 orang (60%)", "Baru sebagian.", "Bukti: foto-awal.png");
        await fokal.SayAsync("tidak", "Bagian mana");
        await fokal.SayAsync("bukti", "Bukti yang sudah terlampir", "1. foto-awal.png");
        await fokal.SendAsync(EvidenceFiles.With(fokal, ("hadir.pdf", "application/pdf", EvidenceFiles.Pdf(7))));
        fokal.AssertReply("Diterima: hadir.pdf");
        await fokal.SayAsync("selesai", "Ringkasan laporan", "Bukti: foto-awal.png, hadir.pdf");
        await fokal.SayAsync("ya", "terkirim");
        var report = host.Get<IProgressReportStore>().ListAll().Single();
        Assert.Equal(ReportState.Submitted, report.State);
        Assert.Equal(60m, report.RealisationValue);
        Assert.Equal("Baru sebagian.", report.Narrative);
        Assert.Equal(["foto-awal.png", "hadir.pdf"], report.Evidence.Select(e => e.FileName));
        Assert.Null(report.ReviewComment);
    }

    [Fact]
    public async Task ApprovingDoesNotTrapTheNextMessage()
    {
        using var host = new DialogsHost(_folder.Path);
        var koord = ConversationScenarios.Coordinator(host);
        var fokal = await ConversationScenarios.FokalAsync(host, koord, "Dinkes", "sari");
        await CommitmentScript.RegisterAsync(fokal, "Sosialisasi sekolah");
        await CommitmentScript.RegisterAsync(fokal, "Tes urine guru");
        await SubmitAsync(fokal, "lapor RA-2027-001 B6", "30", "Baru sebagian.");
        await SubmitAsync(fokal, "lapor RA-2027-002 B6", "50", "Separuh jalan.");

        await koord.SendAsync("verifikasi");
        await koord.SendAsync("RA-2027-001 B6");
        await koord.SayAsync("Setujui", "disetujui dan dikunci", "Masih ada **1** laporan");
        koord.AssertSuggests("Verifikasi", "Dasbor");

        // The bug: the verify dialog had moved on to the next pick, so "dasbor" was "not one of the options".
        await koord.SayAsync("dasbor", "/dasbor/masuk?t=");
        koord.AssertNoReplyContains("tidak ada dalam daftar");
        await koord.SayAsync("Verifikasi", "RA-2027-002 B6");
    }

    [Fact]
    public async Task AReturnNoticeThatCannotBePushedIsDeliveredOnTheFokalsNextTurn()
    {
        var sender = new RecordingChannelSender { Fail = true };
        using var host = new DialogsHost(_folder.Path, configure: s => s.AddSingleton<IChannelSender>(sender));
        var koord = ConversationScenarios.Coordinator(host);
        var fokal = await ConversationScenarios.FokalAsync(host, koord, "Dinkes", "sari");
        await CommitmentScript.RegisterAsync(fokal, "Sosialisasi sekolah");
        await SubmitAsync(fokal, "lapor RA-2027-001 B6", "30", "Baru sebagian.");

        await koord.SendAsync("verifikasi");
        await koord.SendAsync("RA-2027-001 B6");
        await koord.SendAsync("Kembalikan");
        // The fokal can be reached, so the coordinator hears they will be told; the push fails and the notice waits.
        await koord.SayAsync("Foto kurang jelas.", "dikembalikan ke fokal", "akan diberi tahu");
        Assert.Single(host.Get<NotificationOutbox>().ListPending());

        await fokal.SayAsync("halo", "dikembalikan koordinator", "Foto kurang jelas.", "Sinergi");
        Assert.Contains("dikembalikan", fokal.Replies[0].Text, StringComparison.Ordinal);
        Assert.Empty(host.Get<NotificationOutbox>().ListPending());
        await fokal.SendAsync("halo");
        fokal.AssertNoReplyContains("Foto kurang jelas");
    }

    [Fact]
    public async Task EvidenceIsCheckedByContentSizeAndChannel()
    {
        using var host = new DialogsHost(_folder.Path);
        var koord = ConversationScenarios.Coordinator(host);
        var fokal = await ConversationScenarios.FokalAsync(host, koord, "Dinkes", "sari");
        await CommitmentScript.RegisterAsync(fokal, "Sosialisasi sekolah");
        await SubmitAsync(fokal, "lapor RA-2027-001 B6", "30", "Baru sebagian.", ("lama.png", "image/png", EvidenceFiles.Png(9)));

        await fokal.SendAsync("lapor RA-2027-001 B12");
        await fokal.SendAsync("50");
        await fokal.SayAsync("Lanjutan.", "bukti");
        await fokal.SendAsync(EvidenceFiles.With(fokal, ("palsu.jpg", "image/jpeg", EvidenceFiles.Text())));
        fokal.AssertReply("palsu.jpg bukan foto");
        var huge = new byte[(10 * 1024 * 1024) + 10];
        EvidenceFiles.Png(1).CopyTo(huge, 0);
        await fokal.SendAsync(EvidenceFiles.With(fokal, ("besar.png", "image/png", huge)));
        fokal.AssertReply("lebih besar dari 10 MB");
        await fokal.SendAsync(fokal.Message(string.Empty) with
        {
            Attachments = [new Attachment { Name = "jauh.png", ContentType = "image/png", ContentUrl = "https://example.invalid/jauh.png" }],
        });
        fokal.AssertReply("tidak bisa saya baca");
        await fokal.SendAsync(EvidenceFiles.With(fokal, ("lama-lagi.png", "image/png", EvidenceFiles.Png(9))));
        fokal.AssertReply("sudah pernah dikirim sebelumnya");
        await fokal.SayAsync("apa ini", "menunggu file bukti");
        await fokal.SayAsync("selesai", "lama-lagi.png");
        await fokal.SayAsync("ya", "terkirim");

        var b12 = host.Get<IProgressReportStore>().Find(host.Get<ICommitmentStore>().FindByCode("RA-2027-001")!.Id, ReportingPeriod.B12)!;
        var only = Assert.Single(b12.Evidence);
        Assert.Equal("image/png", only.ContentType);
        Assert.Single(host.Get<SinergiDatabase>().Files.FindAll());
    }

    [Fact]
    public async Task EveryReportQuestionRefusesBadInput()
    {
        using var host = new DialogsHost(_folder.Path);
        var koord = ConversationScenarios.Coordinator(host);
        var fokal = await ConversationScenarios.FokalAsync(host, koord, "Dinkes", "sari");
        await CommitmentScript.RegisterAsync(fokal, "Sosialisasi sekolah");

        await fokal.SendAsync("lapor progres");
        await fokal.SayAsync("RA-2099-001", "tidak ada dalam daftar");
        await fokal.SayAsync("sosialisasi sekolah", "periode mana");
        await fokal.SayAsync("B7", "tidak ada dalam daftar");
        await fokal.SayAsync("B12", "realisasi");
        await fokal.SayAsync("abc", "belum bisa membaca angka");
        await fokal.SayAsync("-3", "tidak boleh negatif");
        await fokal.SayAsync("150", "**150%**");
        await fokal.SayAsync(new string('n', 20_000), "terlalu panjang");
        await fokal.SayAsync("🎉🎉", "huruf atau angka");
        await fokal.SayAsync("Melebihi target.", "bukti");
        await fokal.SayAsync("kembali", "capaian dan kendalanya");
        await fokal.SayAsync("Melebihi target karena antusiasme.", "bukti");
        await fokal.SayAsync("lewati", "Melebihi target karena antusiasme.", "Bukti: tidak ada");
        await fokal.SayAsync("batal", "dibatalkan");
        Assert.Empty(host.Get<IProgressReportStore>().ListAll());
    }

    [Fact]
    public async Task ReportingRespectsRolesAndOrganisations()
    {
        using var host = new DialogsHost(_folder.Path);
        var koord = ConversationScenarios.Coordinator(host);
        var owner = await ConversationScenarios.FokalAsync(host, koord, "Dinkes", "owner");
        var other = await ConversationScenarios.FokalAsync(host, koord, "Dinsos", "other");
        var warga = new ConversationDriver(host, "warga");
        await CommitmentScript.RegisterAsync(owner, "Rahasia Dinkes");

        await other.SayAsync("lapor RA-2027-001 B6", "tidak ditemukan di OPD Anda");
        other.AssertNoReplyContains("Rahasia");
        await other.SayAsync("lapor progres", "Belum ada rencana aksi aktif");
        await warga.SayAsync("lapor progres", "khusus untuk fokal");
        await warga.SayAsync("lapor RA-2027-001 B6", "khusus untuk fokal");
        await owner.SayAsync("verifikasi", "khusus untuk koordinator");
        await warga.SayAsync("verifikasi", "khusus untuk koordinator");
        await koord.SayAsync("lapor progres", "khusus untuk fokal");
        Assert.Empty(host.Get<IProgressReportStore>().ListAll());
    }

    [Fact]
    public async Task PlainLaporIsLeftForTheTipLine()
    {
        using var host = new DialogsHost(_folder.Path);
        var fokal = await ConversationScenarios.FokalAsync(host, ConversationScenarios.Coordinator(host), "Dinkes", "f");
        await fokal.SayAsync("lapor", "Apa yang ingin Anda laporkan?");
        await fokal.SayAsync("batal", "dibatalkan");
        await fokal.SayAsync("lapor narkoba", "Apa yang ingin Anda laporkan?");
    }

    [Fact]
    public async Task APeriodTheCommitmentDoesNotReportIsExplained()
    {
        using var host = new DialogsHost(_folder.Path);
        var fokal = await ConversationScenarios.FokalAsync(host, ConversationScenarios.Coordinator(host), "Dinkes", "f");
        foreach (var answer in new[] { "rencana aksi baru", "1", "1", "Kegiatan", "indikator", "10 desa", "Kandangan", "lewati", "B12", "B12", "ya" })
        {
            await fokal.SendAsync(answer);
        }

        await fokal.SayAsync("lapor RA-2027-001 B6", "tidak dijadwalkan melapor pada B6", "B12", "realisasi");
    }

    [Fact]
    public async Task AReportInProgressSurvivesARestart()
    {
        var host = new DialogsHost(_folder.Path);
        var koord = ConversationScenarios.Coordinator(host);
        var fokal = await ConversationScenarios.FokalAsync(host, koord, "Dinkes", "sari");
        await CommitmentScript.RegisterAsync(fokal, "Sosialisasi sekolah");
        await fokal.SendAsync("lapor RA-2027-001 B6");
        await fokal.SendAsync("20");
        await fokal.SendAsync("Tahap awal.");
        await fokal.SendAsync(EvidenceFiles.With(fokal, ("a.png", "image/png", EvidenceFiles.Png(3))));
        host.Dispose();

        using var reopened = new DialogsHost(_folder.Path);
        fokal.Host = reopened;
        await fokal.SayAsync("selesai", "a.png", "20 orang (20%)");
        await fokal.SayAsync("ya", "terkirim");
        var report = reopened.Get<IProgressReportStore>().ListAll().Single();
        Assert.Equal("a.png", Assert.Single(report.Evidence).FileName);
        Assert.NotNull(reopened.Get<IEvidenceStore>().Read(report.Evidence[0].FileId));
    }

    private static async Task SubmitAsync(ConversationDriver fokal, string command, string value, string narrative, params (string, string, byte[])[] files)
    {
        await fokal.SendAsync(command);
        await fokal.SendAsync(value);
        await fokal.SendAsync(narrative);
        if (files.Length > 0)
        {
            await fokal.SendAsync(EvidenceFiles.With(fokal, files));
        }

        await fokal.SendAsync("selesai");
        await fokal.SayAsync("ya", "terkirim");
    }

    public void Dispose() => _folder.Dispose();
}
