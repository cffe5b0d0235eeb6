using System.Text;
using Bot.Dialogs.Domain;
using Bot.Dialogs.Tips;

namespace Bot.Host.Web.Dashboard;

/// <summary>The tips list and one tip's page with its photo, follow-ups, history and the status form.</summary>
internal static class TipPages
{
    private static readonly TimeZoneInfo Zone = IndonesianTimeZones.Find(null);

    public static string List(IReadOnlyList<Tip> tips, TipStatus? status)
    {
        var html = new StringBuilder("<h1>Laporan warga</h1><p class=\"sub\">Laporan anonim dari warga. Tidak ada identitas pelapor yang disimpan; ")
            .Append("waktu dibulatkan ke jam.</p><nav class=\"tabs\">").Append(Tab(null, status));
        foreach (var s in Enum.GetValues<TipStatus>())
        {
            html.Append(Tab(s, status));
        }

        html.Append("</nav>");
        if (tips.Count == 0)
        {
            return html.Append("<p class=\"empty\">Tidak ada laporan.</p>").ToString();
        }

        html.Append("<div class=\"table-wrap\"><table id=\"tabel-laporan\"><thead><tr><th>Kode</th><th>Diterima (WITA)</th><th>Kategori</th>")
            .Append("<th>Lokasi</th><th>Status</th><th>Foto</th><th>Info tambahan</th></tr></thead><tbody>");
        foreach (var tip in tips)
        {
            html.Append("<tr><th scope=\"row\"><a href=\"/dasbor/laporan-warga/").Append(Html.E(tip.Id)).Append("\">").Append(Html.E(tip.Id)).Append("</a></th>")
                .Append("<td>").Append(Html.DateTime(tip.ReceivedAt, Zone)).Append("</td><td>").Append(Html.E(TipTexts.Label(tip.Category))).Append("</td>")
                .Append("<td>").Append(Html.E(Location(tip))).Append("</td><td>").Append(Badge(tip.Status)).Append("</td>")
                .Append("<td>").Append(tip.PhotoFileId is null ? "–" : "ada").Append("</td><td class=\"num\">").Append(tip.FollowUps.Count).Append("</td></tr>");
        }

        return html.Append("</tbody></table></div>").ToString();
    }

    public static string Detail(Tip tip, DashboardUser user, IReadOnlyDictionary<string, string> coordinatorNames)
    {
        var html = new StringBuilder("<p class=\"crumbs\"><a href=\"/dasbor/laporan-warga\">← Semua laporan warga</a></p>")
            .Append("<h1>").Append(Html.E(tip.Id)).Append(' ').Append(Badge(tip.Status)).Append("</h1><dl class=\"tip\">")
            .Append(Item("Kategori", TipTexts.Label(tip.Category))).Append(Item("Lokasi", Location(tip)))
            .Append(Item("Waktu kejadian", tip.When ?? (tip.OccurredOn is { } d ? Html.Date(d) : "–")))
            .Append(Item("Diterima", Html.DateTime(tip.ReceivedAt, Zone) + " WITA (dibulatkan ke jam)"))
            .Append("</dl><h2>Isi laporan</h2><p class=\"tip-text\">").Append(Html.E(tip.Description)).Append("</p>");
        if (tip.PhotoFileId is { } photo)
        {
            html.Append(Photo(photo, "Foto dari pelapor"));
        }

        if (tip.FollowUps.Count > 0)
        {
            html.Append("<h2>Informasi tambahan dari pelapor</h2><ol class=\"followups\">");
            foreach (var followUp in tip.FollowUps)
            {
                html.Append("<li><span class=\"when\">").Append(Html.DateTime(followUp.AddedAt, Zone)).Append("</span> ").Append(Html.E(followUp.Text));
                if (followUp.PhotoFileId is { } extra)
                {
                    html.Append(Photo(extra, "Foto tambahan"));
                }

                html.Append("</li>");
            }

            html.Append("</ol>");
        }

        html.Append(StatusForm(tip, user)).Append("<h2>Riwayat penanganan</h2>");
        if (tip.History.Count == 0)
        {
            return html.Append("<p class=\"empty\">Belum ditangani.</p>").ToString();
        }

        html.Append("<ol class=\"history\">");
        foreach (var change in tip.History)
        {
            html.Append("<li>").Append(Html.DateTime(change.ChangedAt, Zone)).Append(" · ").Append(Badge(change.Status)).Append(" oleh ")
                .Append(Html.E(coordinatorNames.GetValueOrDefault(change.CoordinatorId, "(koordinator tidak diketahui)")))
                .Append(change.Note is null ? string.Empty : ": " + Html.E(change.Note)).Append("</li>");
        }

        return html.Append("</ol>").ToString();
    }

    private static string StatusForm(Tip tip, DashboardUser user)
    {
        var html = new StringBuilder("<form method=\"post\" action=\"/dasbor/laporan-warga/").Append(Html.E(tip.Id)).Append("/status\" class=\"status-form\">")
            .Append(DashboardLayout.FormToken(user)).Append("<label>Status <select name=\"status\" id=\"status\">");
        foreach (var s in Enum.GetValues<TipStatus>())
        {
            html.Append("<option value=\"").Append(s).Append('"').Append(s == tip.Status ? " selected" : string.Empty).Append('>')
                .Append(TipTexts.Label(s)).Append("</option>");
        }

        return html.Append("</select></label><label>Catatan <input name=\"catatan\" maxlength=\"500\"></label>")
            .Append("<button type=\"submit\" id=\"simpan-status\">Simpan</button></form>").ToString();
    }

    private static string Photo(string fileId, string alt)
    {
        var url = FileEndpoints.UrlOf(fileId);
        return $"<figure class=\"photo\"><a href=\"{url}\"><img src=\"{url}\" alt=\"{Html.E(alt)}\"></a><figcaption>{Html.E(alt)} (metadata sudah dihapus)</figcaption></figure>";
    }

    private static string Tab(TipStatus? value, TipStatus? current)
    {
        var href = value is null ? "/dasbor/laporan-warga" : "/dasbor/laporan-warga?status=" + value;
        var label = value is { } s ? TipTexts.Label(s) : "semua";
        return $"<a href=\"{href}\"{(value == current ? " class=\"current\"" : string.Empty)}>{Html.E(label)}</a>";
    }

    private static string Badge(TipStatus status) => $"<span class=\"badge tip-{status.ToString().ToLowerInvariant()}\">{TipTexts.Label(status)}</span>";

    private static string Location(Tip tip) => tip.Desa is null ? "Kec. " + tip.Kecamatan : $"{tip.Desa}, Kec. {tip.Kecamatan}";

    private static string Item(string term, string value) => $"<div><dt>{Html.E(term)}</dt><dd>{Html.E(value)}</dd></div>";
}
