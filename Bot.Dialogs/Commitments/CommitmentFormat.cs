using System.Globalization;
using System.Text;
using Bot.Dialogs.Domain;
using Bot.Dialogs.Engine;

namespace Bot.Dialogs.Commitments;

/// <summary>How commitments and their values are shown: names of focus areas and programmes, numbers, dates, cards.</summary>
internal static class CommitmentFormat
{
    public static CultureInfo Culture(bool english) => CultureInfo.GetCultureInfo(english ? "en-GB" : "id-ID");

    public static string Number(decimal value, bool english) => value.ToString(value == decimal.Truncate(value) ? "#,0" : "#,0.##", Culture(english));

    public static string Rupiah(decimal? value, bool english) => value is { } v ? "Rp " + Number(v, english) : (english ? "-" : "-");

    public static string Date(DateOnly date, bool english) => date.ToString("d MMMM yyyy", Culture(english));

    public static string Percent(decimal value, bool english) => value.ToString("0.#", Culture(english)) + "%";

    public static string Periods(IEnumerable<ReportingPeriod> periods) => string.Join(", ", periods.Select(p => p.ToString()));

    public static string FocusArea(FocusArea area, bool english) => area switch
    {
        Domain.FocusArea.Pencegahan => english ? "Prevention" : "Pencegahan",
        Domain.FocusArea.PemberdayaanMasyarakat => english ? "Community empowerment" : "Pemberdayaan Masyarakat",
        Domain.FocusArea.Rehabilitasi => english ? "Rehabilitation" : "Rehabilitasi",
        Domain.FocusArea.Pemberantasan => english ? "Eradication" : "Pemberantasan",
        _ => english ? "Institutions and policy" : "Kelembagaan/Kebijakan",
    };

    public static string Programme(Programme programme, bool english) => programme switch
    {
        Domain.Programme.DesaBersinar => "Desa/Kelurahan Bersinar",
        Domain.Programme.Kotan => "KOTAN",
        Domain.Programme.KetahananKeluarga => english ? "Family resilience against drugs" : "Ketahanan Keluarga Anti Narkoba",
        Domain.Programme.RemajaTemanSebaya => english ? "Peer youth" : "Remaja Teman Sebaya",
        Domain.Programme.PemberdayaanAlternatif => english ? "Alternative development" : "Pemberdayaan Alternatif",
        Domain.Programme.TesUrine => english ? "Urine tests/early detection" : "Tes Urine/Deteksi Dini",
        Domain.Programme.SosialisasiAdvokasi => english ? "Awareness/advocacy" : "Sosialisasi/Advokasi",
        _ => english ? "Other" : "Lainnya",
    };

    public static string Status(CommitmentStatus status, bool english) => status switch
    {
        CommitmentStatus.Active => english ? "active" : "aktif",
        CommitmentStatus.Completed => english ? "completed" : "selesai",
        _ => english ? "cancelled" : "dibatalkan",
    };

    /// <summary>The card of a commitment (its fields, one per line), Markdown with the fokal's words escaped.</summary>
    public static Markdown Card(CommitmentDraft c, bool english)
    {
        var t = english ? CommitmentFieldNames.English : CommitmentFieldNames.Indonesian;
        var card = new StringBuilder();
        card.Append(CultureInfo.InvariantCulture, $"- {t[CommitmentField.FocusArea]}: {FocusArea(c.FocusArea, english)}\n");
        card.Append(CultureInfo.InvariantCulture, $"- {t[CommitmentField.Programme]}: {Programme(c.Programme, english)}\n");
        card.Append(CultureInfo.InvariantCulture, $"- {t[CommitmentField.Title]}: {MarkdownText.Escape(c.Title)}\n");
        card.Append(CultureInfo.InvariantCulture, $"- {t[CommitmentField.OutputIndicator]}: {MarkdownText.Escape(c.OutputIndicator)}\n");
        card.Append(CultureInfo.InvariantCulture, $"- {t[CommitmentField.Target]}: {Number(c.TargetValue, english)} {MarkdownText.Escape(c.Unit)}\n");
        card.Append(CultureInfo.InvariantCulture, $"- {t[CommitmentField.Location]}: {MarkdownText.Escape(c.Location)}\n");
        card.Append(CultureInfo.InvariantCulture, $"- {t[CommitmentField.Budget]}: {Rupiah(c.Budget, english)}\n");
        card.Append(CultureInfo.InvariantCulture, $"- {t[CommitmentField.Deadline]}: {Date(c.Deadline, english)}\n");
        card.Append(CultureInfo.InvariantCulture, $"- {t[CommitmentField.Periods]}: {Periods(c.Periods)}");
        return new Markdown(card.ToString());
    }
}
