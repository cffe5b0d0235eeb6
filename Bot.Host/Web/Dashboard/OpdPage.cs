using System.Text;
using Bot.Dialogs.Dashboard;
using Bot.Dialogs.Domain;

namespace Bot.Host.Web.Dashboard;

/// <summary>
/// Drill-down into one OPD: each commitment with the fokal who holds it, its reports per period (who sent them, who
/// verified them) and their evidence. People appear by name and job title, never by their internal id.
/// </summary>
internal static class OpdPage
{
    public static string Body(
        Organisation organisation, IReadOnlyList<BotUser> fokal, IReadOnlyList<CommitmentStanding> standings, DashboardFilter filter, IReadOnlyDictionary<string, BotUser> people)
    {
        var zone = IndonesianTimeZones.Find(organisation.TimeZone);
        var html = new StringBuilder();
        html.Append("<p class=\"crumbs\"><a href=\"/dasbor?").Append(FilterQuery.ToQuery(filter)).Append("\">← Semua OPD</a></p>")
            .Append("<h1>").Append(Html.E(organisation.Name)).Append("</h1><p class=\"sub\">")
            .Append(Html.E(organisation.Region ?? string.Empty)).Append(organisation.Region is null ? string.Empty : " · ")
            .Append(Html.E(FilterQuery.Describe(filter))).Append(" · fokal: ")
            .Append(fokal.Count == 0 ? "belum ada" : Html.E(string.Join(", ", fokal.Select(f => f.Label(english: false))))).Append("</p>");
        if (standings.Count == 0)
        {
            return html.Append("<p class=\"empty\">Belum ada komitmen untuk filter ini.</p>").ToString();
        }

        foreach (var standing in standings)
        {
            html.Append(Commitment(standing, zone, people));
        }

        return html.ToString();
    }

    private static string Commitment(CommitmentStanding standing, TimeZoneInfo zone, IReadOnlyDictionary<string, BotUser> people)
    {
        var c = standing.Commitment;
        var (badge, css) = standing.IsOverdue ? ("Terlambat", "warn") : standing.IsOnTrack ? ("Sesuai jadwal", "ok") : ("Di bawah target", "behind");
        var html = new StringBuilder("<article class=\"commitment\" id=\"").Append(Html.E(c.Code)).Append("\"><h2><span class=\"code\">")
            .Append(Html.E(c.Code)).Append("</span> ").Append(Html.E(c.Title))
            .Append(" <span class=\"badge ").Append(css).Append("\">").Append(badge).Append("</span></h2><dl>")
            .Append(Item("Fokus", DomainLabels.Of(c.FocusArea))).Append(Item("Program", DomainLabels.Of(c.Programme)))
            .Append(Item("Indikator output", c.OutputIndicator)).Append(Item("Target", Html.Number(c.TargetValue) + " " + c.Unit))
            .Append(Item("Lokasi", c.Location)).Append(Item("Anggaran", Html.Rupiah(c.Budget)))
            .Append(Item("Tenggat", Html.Date(c.Deadline))).Append(Item("Status", DomainLabels.Of(c.Status)))
            .Append(Item("Pemegang", NameOf(c.ResponsibleUserId(), people)))
            .Append("</dl><div class=\"table-wrap\"><table class=\"reports\"><thead><tr><th>Periode</th><th>Laporan</th><th>Realisasi</th>")
            .Append("<th>%</th><th>Dikirim</th><th>Verifikasi</th></tr></thead><tbody>");
        foreach (var row in standing.Periods)
        {
            html.Append(ReportRow(row, zone));
        }

        html.Append("</tbody></table></div>");
        foreach (var row in standing.Periods.Where(r => r.Report is not null))
        {
            html.Append(Narrative(row.Report!, people));
        }

        return html.Append("</article>").ToString();
    }

    private static string ReportRow(CommitmentPeriodRow row, TimeZoneInfo zone)
    {
        var r = row.Report;
        if (r is null)
        {
            var state = row.IsMissing ? "<span class=\"badge warn\">Belum lapor (lewat tenggat)</span>" : "Belum lapor";
            return $"<tr><td>{row.Period}</td><td>{state}</td><td>–</td><td>–</td><td>–</td><td>–</td></tr>";
        }

        var late = row.IsReported && !row.IsOnTime ? " <span class=\"badge behind\">terlambat</span>" : string.Empty;
        return $"<tr><td>{row.Period}</td><td>{Html.E(DomainLabels.Of(r.State))}</td><td class=\"num\">{Html.Number(r.RealisationValue)}</td>" +
            $"<td class=\"num\">{Html.Percent(r.RealisationPercent)}</td><td>{(r.SubmittedAt is { } s ? Html.DateTime(s, zone) : "–")}{late}</td>" +
            $"<td>{(r.ReviewedAt is { } v && r.State == ReportState.Approved ? Html.DateTime(v, zone) : "–")}</td></tr>";
    }

    private static string Narrative(ProgressReport report, IReadOnlyDictionary<string, BotUser> people)
    {
        var html = new StringBuilder("<div class=\"narrative\"><h3>").Append(report.Period).Append(": narasi dan bukti</h3>")
            .Append("<p class=\"by\">Dilaporkan oleh ").Append(Html.E(NameOf(report.SubmittedBy, people)));
        if (report.ReviewedBy is { } reviewer)
        {
            html.Append(" · diperiksa oleh ").Append(Html.E(NameOf(reviewer, people)));
        }

        html.Append("</p><p>").Append(Html.E(report.Narrative)).Append("</p>");
        if (report.ReviewComment is { Length: > 0 } comment)
        {
            html.Append("<p class=\"review\">Catatan verifikator: ").Append(Html.E(comment)).Append("</p>");
        }

        html.Append("<ul class=\"evidence\">");
        foreach (var file in report.Evidence)
        {
            var url = FileEndpoints.UrlOf(file.FileId);
            html.Append(FileEndpoints.IsInlineImage(file.ContentType)
                ? $"<li><a href=\"{url}\"><img src=\"{url}\" alt=\"{Html.E(file.FileName)}\" loading=\"lazy\"></a></li>"
                : $"<li><a href=\"{url}\" download=\"{Html.E(file.FileName)}\" class=\"file\">{Html.E(file.FileName)}</a> ({Html.FileSize(file.Size)})</li>");
        }

        return html.Append("</ul></div>").ToString();
    }

    /// <summary>The person's name and job title; never the internal id, even for someone since deleted.</summary>
    internal static string NameOf(string? userId, IReadOnlyDictionary<string, BotUser> people) =>
        userId is not null && people.TryGetValue(userId, out var person) ? person.Label(english: false) : "(tidak diketahui)";

    private static string Item(string term, string value) => $"<div><dt>{Html.E(term)}</dt><dd>{Html.E(value)}</dd></div>";
}
