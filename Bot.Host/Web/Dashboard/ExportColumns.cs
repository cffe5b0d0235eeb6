using System.Globalization;
using Bot.Dialogs.Dashboard;
using Bot.Dialogs.Domain;

namespace Bot.Host.Web.Dashboard;

/// <summary>
/// The columns of the CSV and XLSX exports, in Sismonev's order of entry (README "Export columns"). A value is a
/// string, a decimal (a number cell in XLSX) or null (empty). Dates are ISO text (yyyy-MM-dd) in the OPD's zone;
/// date columns also give the day itself (<see cref="ExportColumn.Day"/>), which the XLSX writes as a date cell.
/// </summary>
internal static class ExportColumns
{
    public static readonly IReadOnlyList<ExportColumn> All =
    [
        new("OPD", r => r.Organisation.Name),
        new("Singkatan OPD", r => r.Organisation.ShortName),
        new("Kabupaten/Kota", r => r.Organisation.Region),
        new("Kode RA", r => r.Commitment.Code),
        new("Tahun", r => (decimal)r.Commitment.Year),
        new("Fokus", r => DomainLabels.Of(r.Commitment.FocusArea)),
        new("Program", r => DomainLabels.Of(r.Commitment.Programme)),
        new("Judul Rencana Aksi", r => r.Commitment.Title),
        new("Indikator Output", r => r.Commitment.OutputIndicator),
        new("Target", r => r.Commitment.TargetValue),
        new("Satuan", r => r.Commitment.Unit),
        new("Lokasi", r => r.Commitment.Location),
        new("Anggaran (Rp)", r => r.Commitment.Budget),
        Date("Tenggat", r => r.Commitment.Deadline),
        new("Periode", r => r.Period.ToString()),
        new("Realisasi", r => r.Report?.RealisationValue),
        new("Persen Realisasi", r => r.Report?.RealisationPercent),
        new("Status Laporan", r => r.Report is { } report ? DomainLabels.Of(report.State) : "Belum lapor"),
        Date("Tanggal Lapor", r => r.IsReported ? LocalDay(r.Report!.SubmittedAt, r.Organisation) : null),
        new("Diverifikasi", r => r.IsVerified ? "Ya" : "Tidak"),
        Date("Tanggal Verifikasi", r => r.IsVerified ? LocalDay(r.Report!.ReviewedAt, r.Organisation) : null),
        new("Tepat Waktu", r => r.IsReported ? (r.IsOnTime ? "Ya" : "Tidak") : null),
        new("Status Komitmen", r => DomainLabels.Of(r.Commitment.Status)),
        new("Narasi", r => r.Report?.Narrative),
        new("Jumlah Bukti", r => (decimal?)r.Report?.Evidence.Count ?? 0m),
    ];

    private static ExportColumn Date(string header, Func<CommitmentPeriodRow, DateOnly?> day) =>
        new(header, r => day(r)?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)) { Day = day };

    private static DateOnly? LocalDay(DateTime? utc, Organisation organisation) => utc is { } at
        ? DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(at, DateTimeKind.Utc), IndonesianTimeZones.Find(organisation.TimeZone)))
        : null;
}

/// <summary>One export column: header and how to read its value from a row.</summary>
internal sealed record ExportColumn(string Header, Func<CommitmentPeriodRow, object?> Value)
{
    /// <summary>For date columns: the day itself, so a spreadsheet gets a date rather than text.</summary>
    public Func<CommitmentPeriodRow, DateOnly?>? Day { get; init; }
}
