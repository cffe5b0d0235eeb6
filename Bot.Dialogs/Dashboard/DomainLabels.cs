using Bot.Dialogs.Domain;

namespace Bot.Dialogs.Dashboard;

/// <summary>Indonesian names of the domain's enumerations, as Sismonev and coordinators write them.</summary>
public static class DomainLabels
{
    public static string Of(Programme programme) => programme switch
    {
        Programme.DesaBersinar => "Desa/Kelurahan Bersinar",
        Programme.Kotan => "KOTAN",
        Programme.KetahananKeluarga => "Ketahanan Keluarga Anti Narkoba",
        Programme.RemajaTemanSebaya => "Remaja Teman Sebaya",
        Programme.PemberdayaanAlternatif => "Pemberdayaan Alternatif",
        Programme.TesUrine => "Tes Urine/Deteksi Dini",
        Programme.SosialisasiAdvokasi => "Sosialisasi/Advokasi",
        _ => "Lainnya",
    };

    public static string Of(FocusArea area) => area switch
    {
        FocusArea.Pencegahan => "Pencegahan",
        FocusArea.PemberdayaanMasyarakat => "Pemberdayaan Masyarakat",
        FocusArea.Rehabilitasi => "Rehabilitasi",
        FocusArea.Pemberantasan => "Pemberantasan",
        _ => "Kelembagaan/Kebijakan",
    };

    public static string Of(ReportState state) => state switch
    {
        ReportState.Draft => "Draf",
        ReportState.Submitted => "Dikirim",
        ReportState.Approved => "Disetujui",
        _ => "Dikembalikan",
    };

    public static string Of(CommitmentStatus status) => status switch
    {
        CommitmentStatus.Active => "Berjalan",
        CommitmentStatus.Completed => "Selesai",
        _ => "Dibatalkan",
    };
}
