using System.Text;
using Bot.Dialogs.Dashboard;
using Bot.Dialogs.Domain;

namespace Bot.Host.Web.Dashboard;

/// <summary>A page made for paper (A4, print CSS): the figures, the charts and every commitment row.</summary>
internal static class PrintPage
{
    public static IResult Render(DashboardOverview overview, IReadOnlyList<CommitmentPeriodRow> rows, DateTimeOffset printedAt)
    {
        var local = TimeZoneInfo.ConvertTime(printedAt, IndonesianTimeZones.Find(null));
        var html = new StringBuilder("<!doctype html><html lang=\"id\"><head><meta charset=\"utf-8\">")
            .Append("<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\"><title>Cetak · Dasbor Sinergi</title>")
            .Append("<link rel=\"stylesheet\" href=\"/dasbor/dasbor.css\"><script src=\"/dasbor/dasbor.js\" defer></script></head><body class=\"print\">")
            .Append("<p class=\"screen-only\"><a href=\"/dasbor?").Append(FilterQuery.ToQuery(overview.Filter)).Append("\">← Kembali</a> ")
            .Append("<button type=\"button\" data-print>Cetak</button></p>")
            .Append(OverviewPage.Body(overview, forPrint: true))
            .Append("<h2>Rincian komitmen</h2><table class=\"detail\"><thead><tr><th>OPD</th><th>Kode</th><th>Judul</th><th>Periode</th>")
            .Append("<th>Target</th><th>Realisasi</th><th>%</th><th>Laporan</th></tr></thead><tbody>");
        foreach (var row in rows)
        {
            html.Append("<tr><td>").Append(Html.E(row.Organisation.ShortName)).Append("</td><td>").Append(Html.E(row.Commitment.Code))
                .Append("</td><td>").Append(Html.E(row.Commitment.Title)).Append("</td><td>").Append(row.Period)
                .Append("</td><td class=\"num\">").Append(Html.Number(row.Commitment.TargetValue)).Append(' ').Append(Html.E(row.Commitment.Unit))
                .Append("</td><td class=\"num\">").Append(row.Report is { } r ? Html.Number(r.RealisationValue) : "–")
                .Append("</td><td class=\"num\">").Append(Html.Percent(row.Report?.RealisationPercent))
                .Append("</td><td>").Append(row.Report is { } s ? Html.E(DomainLabels.Of(s.State)) : row.IsMissing ? "Belum lapor (terlambat)" : "Belum lapor")
                .Append("</td></tr>");
        }

        html.Append("</tbody></table><p class=\"printed\">Dicetak ").Append(Html.E(local.ToString("d MMMM yyyy HH:mm", System.Globalization.CultureInfo.GetCultureInfo("id-ID"))))
            .Append(" WITA dari Sinergi.</p></body></html>");
        return Results.Content(html.ToString(), "text/html; charset=utf-8");
    }
}
