using Bot.Dialogs.Domain;
using Bot.Dialogs.Storage;
using Bot.Host.Storage.LiteDb;
using Bot.Tests.Support;

namespace Bot.Tests.Dashboard;

/// <summary>
/// A small kabupaten on 15 August 2027 (B6 is due, B12 is not): three OPDs, five live commitments and one
/// cancelled, reports in every state, evidence as a JPEG and a PDF. The expected figures are worked out in
/// DashboardStatisticsTests.
/// </summary>
internal sealed class DashboardSeed
{
    public static readonly DateTimeOffset Now = new(2027, 8, 15, 2, 0, 0, TimeSpan.Zero);

    private DashboardSeed()
    {
    }

    public required BotUser Coordinator { get; init; }
    public required BotUser Fokal { get; init; }
    public required Organisation Dinkes { get; init; }
    public required Organisation Disdik { get; init; }
    public required Organisation Kesbangpol { get; init; }
    public required string PhotoFileId { get; init; }
    public required string PdfFileId { get; init; }

    public static DashboardSeed Plant(DashboardApplication app) =>
        Plant(app.Get<IUserStore>(), app.Get<IOrganisationStore>(), app.Get<ICommitmentStore>(), app.Get<IProgressReportStore>(), app.Get<SinergiDatabase>());

    public static DashboardSeed Plant(DialogsHost host) =>
        Plant(host.Get<IUserStore>(), host.Get<IOrganisationStore>(), host.Get<ICommitmentStore>(), host.Get<IProgressReportStore>(), host.Get<SinergiDatabase>());

    private static DashboardSeed Plant(IUserStore users, IOrganisationStore organisations, ICommitmentStore commitments, IProgressReportStore reports, SinergiDatabase database)
    {

        var coordinator = users.GetOrCreate("test|koordinator-1", "Rina Koordinator", "id-ID");
        coordinator.Role = Role.Koordinator;
        users.Update(coordinator);

        var dinkes = organisations.Insert(new Organisation { Name = "Dinas Kesehatan", ShortName = "DINKES", Region = "Hulu Sungai Selatan" });
        var disdik = organisations.Insert(new Organisation { Name = "Dinas Pendidikan", ShortName = "DISDIK", Region = "Hulu Sungai Selatan" });
        var kesbangpol = organisations.Insert(new Organisation { Name = "Badan Kesbangpol", ShortName = "KESBANGPOL", Region = "Hulu Sungai Selatan" });

        var fokal = users.GetOrCreate("test|fokal-1", "Andi Fokal", "id-ID");
        fokal.Role = Role.Fokal;
        fokal.OrganisationId = dinkes.Id;
        users.Update(fokal);

        var photo = "evidence/" + Guid.NewGuid().ToString("N");
        database.Files.Upload(photo, "kegiatan.jpg", new MemoryStream(TestImages.Jpeg()));
        var pdf = "evidence/" + Guid.NewGuid().ToString("N");
        database.Files.Upload(pdf, "daftar-hadir.pdf", new MemoryStream("%PDF-1.4\n%test\n"u8.ToArray()));

        var urine = Commit(commitments, dinkes, Programme.TesUrine, "Tes urine ASN", 500, "orang", [ReportingPeriod.B6, ReportingPeriod.B12]);
        var talk = Commit(commitments, dinkes, Programme.SosialisasiAdvokasi, "Sosialisasi bahaya narkoba di puskesmas", 12, "kegiatan", [ReportingPeriod.B6, ReportingPeriod.B12]);
        Commit(commitments, disdik, Programme.RemajaTemanSebaya, "Pelatihan remaja teman sebaya", 40, "siswa", [ReportingPeriod.B6, ReportingPeriod.B12]);
        Commit(commitments, disdik, Programme.KetahananKeluarga, "Kelas ketahanan keluarga", 10, "kelas", [ReportingPeriod.B12]);
        var village = Commit(commitments, kesbangpol, Programme.DesaBersinar, "Pembentukan Desa Bersinar Kandangan", 2, "desa", [ReportingPeriod.B6, ReportingPeriod.B12]);
        var cancelled = Commit(commitments, kesbangpol, Programme.Lainnya, "=HYPERLINK(\"http://x\")", 1, "dokumen", [ReportingPeriod.B6]);
        commitments.Change(cancelled.Id, "status", c => c.Status = CommitmentStatus.Cancelled, c => c.Status.ToString(), coordinator.Id);

        Report(reports, urine, ReportingPeriod.B6, 300, 60, new DateTime(2027, 6, 20, 3, 0, 0, DateTimeKind.Utc), ReportState.Approved, coordinator.Id);
        Report(reports, talk, ReportingPeriod.B6, 3.6m, 30, new DateTime(2027, 7, 5, 3, 0, 0, DateTimeKind.Utc), ReportState.Submitted, null);
        Report(reports, village, ReportingPeriod.B6, 2, 100, new DateTime(2027, 6, 28, 3, 0, 0, DateTimeKind.Utc), ReportState.Approved, coordinator.Id, report =>
        {
            report.Narrative = "Dua desa dibentuk; SK kepala desa terbit. \"Kandangan\" dan Padang Batung.";
            report.Evidence =
            [
                new EvidenceFile { FileId = photo, FileName = "kegiatan.jpg", ContentType = "image/jpeg", Size = TestImages.Jpeg().Length },
                new EvidenceFile { FileId = pdf, FileName = "daftar-hadir.pdf", ContentType = "application/pdf", Size = 15 },
            ];
        });

        return new DashboardSeed
        {
            Coordinator = coordinator,
            Fokal = fokal,
            Dinkes = dinkes,
            Disdik = disdik,
            Kesbangpol = kesbangpol,
            PhotoFileId = photo,
            PdfFileId = pdf,
        };
    }

    private static Commitment Commit(ICommitmentStore store, Organisation organisation, Programme programme, string title, decimal target, string unit, List<ReportingPeriod> periods) =>
        store.Register(
            new Commitment
            {
                OrganisationId = organisation.Id,
                Year = 2027,
                FocusArea = programme == Programme.TesUrine ? FocusArea.Rehabilitasi : FocusArea.Pencegahan,
                Programme = programme,
                Title = title,
                OutputIndicator = "Jumlah " + unit,
                TargetValue = target,
                Unit = unit,
                Location = "Kec. Kandangan",
                Budget = 15_000_000m,
                Deadline = new DateOnly(2027, 12, 15),
                Periods = periods,
            },
            "fokal");

    private static void Report(
        IProgressReportStore store, Commitment commitment, ReportingPeriod period, decimal value, decimal percent, DateTime submittedAt, ReportState state, string? reviewer, Action<ProgressReport>? more = null)
    {
        var report = new ProgressReport
        {
            CommitmentId = commitment.Id,
            OrganisationId = commitment.OrganisationId,
            Period = period,
            RealisationValue = value,
            RealisationPercent = percent,
            Narrative = "Kegiatan terlaksana.",
            State = state,
            SubmittedBy = "fokal",
            SubmittedAt = submittedAt,
            ReviewedBy = reviewer,
            ReviewedAt = reviewer is null ? null : submittedAt.AddDays(2),
        };
        more?.Invoke(report);
        store.Save(report);
    }
}
