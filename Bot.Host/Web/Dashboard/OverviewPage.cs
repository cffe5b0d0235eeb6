using System.Text;
using Bot.Dialogs.Dashboard;

namespace Bot.Host.Web.Dashboard;

/// <summary>The front page: headline figures, the per-OPD table and the three charts.</summary>
internal static class OverviewPage
{
    public static string Body(DashboardOverview overview, bool forPrint = false)
    {
        var query = FilterQuery.ToQuery(overview.Filter);
        var total = overview.Total;
        var html = new StringBuilder();
        html.Append("<h1>Rencana aksi P4GN ").Append(overview.Filter.Year).Append("</h1>")
            .Append("<p class=\"sub\">").Append(Html.E(FilterQuery.Describe(overview.Filter))).Append("</p>")
            .Append("<section class=\"cards\">")
            .Append(Card("Komitmen", Html.Int(total.Commitments)))
            .Append(Card("Sesuai jadwal", Html.Int(total.OnTrack)))
            .Append(Card("Terlambat", Html.Int(total.Overdue), total.Overdue > 0 ? "warn" : null))
            .Append(Card("Tepat waktu", Html.Percent(total.OnTimeRate)))
            .Append("</section>");
        html.Append(Table(overview, query, forPrint));
        html.Append("<section class=\"charts\">")
            .Append(Figure("Realisasi rata-rata per OPD (%)", BarChart.Render("grafik-realisasi", "Realisasi rata-rata per OPD",
                overview.Rows.Select(r => new Bar(r.Organisation!.ShortName, r.AverageRealisation, r.AverageRealisation is null ? "belum ada laporan" : Html.Percent(r.AverageRealisation))).ToList(), 100m)))
            .Append(Figure("Tingkat pelaporan per periode (%)", BarChart.Render("grafik-pelaporan", "Tingkat pelaporan per periode",
                overview.ReportingRates.Select(r => new Bar(r.Period.ToString(), r.Rate, $"{Html.Percent(r.Rate)} ({r.Reported}/{r.Expected}, terverifikasi {r.Verified})")).ToList(), 100m)))
            .Append(Figure("Komitmen per program", BarChart.Render("grafik-program", "Komitmen per program",
                overview.Programmes.Select(p => new Bar(DomainLabels.Of(p.Programme), p.Commitments, Html.Int(p.Commitments))).ToList())))
            .Append("</section>")
            .Append("<p class=\"note\">Definisi: <em>sesuai jadwal</em> = tidak terlambat dan realisasi terakhir ≥ 50% (B6) atau 100% (B12); ")
            .Append("<em>terlambat</em> = periode sudah lewat tanpa laporan terkirim; <em>tepat waktu</em> = laporan terkirim paling lambat akhir periode ")
            .Append("÷ laporan yang sudah jatuh tempo atau sudah masuk.</p>");
        return html.ToString();
    }

    private static string Table(DashboardOverview overview, string query, bool forPrint)
    {
        var html = new StringBuilder("<div class=\"table-wrap\"><table id=\"tabel-opd\"><thead><tr>")
            .Append("<th scope=\"col\">OPD</th><th scope=\"col\">Komitmen</th><th scope=\"col\">Sesuai jadwal</th><th scope=\"col\">Terlambat</th>")
            .Append("<th scope=\"col\">B6 lapor</th><th scope=\"col\">B6 verif.</th><th scope=\"col\">B12 lapor</th><th scope=\"col\">B12 verif.</th>")
            .Append("<th scope=\"col\">Tepat waktu</th><th scope=\"col\">Realisasi</th></tr></thead><tbody>");
        foreach (var row in overview.Rows)
        {
            var organisation = row.Organisation!;
            var name = forPrint
                ? Html.E(organisation.Name)
                : $"<a href=\"/dasbor/opd/{organisation.Id}?{query}\">{Html.E(organisation.Name)}</a>";
            html.Append("<tr><th scope=\"row\">").Append(name).Append("</th>").Append(Cells(row)).Append("</tr>");
        }

        return html.Append("</tbody><tfoot><tr><th scope=\"row\">Jumlah</th>").Append(Cells(overview.Total))
            .Append("</tr></tfoot></table></div>").ToString();
    }

    private static string Cells(OpdSummary row) =>
        Num(row.Commitments) + Num(row.OnTrack) + $"<td class=\"num{(row.Overdue > 0 ? " warn" : string.Empty)}\">{row.Overdue}</td>" +
        Num(row.B6Reported) + Num(row.B6Verified) + Num(row.B12Reported) + Num(row.B12Verified) +
        $"<td class=\"num\">{Html.Percent(row.OnTimeRate)}</td><td class=\"num\">{Html.Percent(row.AverageRealisation)}</td>";

    private static string Num(int value) => $"<td class=\"num\">{value}</td>";

    private static string Card(string label, string value, string? css = null) =>
        $"<div class=\"card{(css is null ? string.Empty : " " + css)}\"><span class=\"label\">{Html.E(label)}</span><span class=\"value\">{Html.E(value)}</span></div>";

    private static string Figure(string caption, string svg) => $"<figure>{svg}<figcaption>{Html.E(caption)}</figcaption></figure>";
}
