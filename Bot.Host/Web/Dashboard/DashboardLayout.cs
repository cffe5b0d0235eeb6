using System.Globalization;
using System.Text;
using Bot.Dialogs.Dashboard;
using Bot.Dialogs.Domain;

namespace Bot.Host.Web.Dashboard;

/// <summary>The frame of every dashboard page: header, navigation, optional filter form, content.</summary>
internal static class DashboardLayout
{
    public static IResult Page(
        DashboardUser user, string title, string body, DashboardFilter? filter = null, IReadOnlyList<int>? years = null, string? filterAction = null,
        IReadOnlyList<string>? ignoredFilters = null)
    {
        var query = filter is null ? string.Empty : "?" + FilterQuery.ToQuery(filter);
        var html = new StringBuilder();
        html.Append("<!doctype html><html lang=\"id\"><head><meta charset=\"utf-8\">")
            .Append("<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\"><meta name=\"robots\" content=\"noindex\">")
            .Append("<title>").Append(Html.E(title)).Append(" · Dasbor Sinergi</title>")
            .Append("<link rel=\"stylesheet\" href=\"/dasbor/dasbor.css\"><script src=\"/dasbor/dasbor.js\" defer></script></head><body>")
            .Append("<header class=\"top\"><a class=\"brand\" href=\"/dasbor").Append(query).Append("\">Sinergi · Dasbor P4GN</a><nav>")
            .Append("<a href=\"/dasbor").Append(query).Append("\">Ringkasan</a>")
            .Append("<a href=\"/dasbor/laporan-warga\">Laporan warga</a>")
            .Append("<a href=\"/dasbor/cetak").Append(query).Append("\">Cetak</a>")
            .Append("<a href=\"/dasbor/ekspor.csv").Append(query).Append("\" id=\"ekspor-csv\">CSV</a>")
            .Append("<a href=\"/dasbor/ekspor.xlsx").Append(query).Append("\" id=\"ekspor-xlsx\">XLSX</a>")
            .Append("<form method=\"post\" action=\"/dasbor/keluar\" class=\"inline\">").Append(FormToken(user))
            .Append("<button type=\"submit\" class=\"link\">Keluar</button></form></nav>")
            .Append("<span class=\"who\">").Append(Html.E(user.User.Label(english: false))).Append("</span></header><main>");
        if (filter is not null && years is not null)
        {
            html.Append(FilterForm(filter, years, filterAction ?? "/dasbor"));
            if (ignoredFilters is { Count: > 0 })
            {
                // A hand-edited link: say which part was not understood and what is shown instead.
                html.Append("<p class=\"filter-notice\" role=\"status\">Filter tidak dikenal diabaikan: ").Append(Html.E(string.Join(", ", ignoredFilters)))
                    .Append(". Ditampilkan: ").Append(Html.E(FilterQuery.Describe(filter))).Append(".</p>");
            }
        }

        html.Append(body).Append("</main></body></html>");
        return Results.Content(html.ToString(), "text/html; charset=utf-8");
    }

    /// <summary>The hidden field every dashboard form carries (checked by <see cref="DashboardAuthFilter"/>).</summary>
    public static string FormToken(DashboardUser user) =>
        "<input type=\"hidden\" name=\"" + DashboardAuthFilter.FormTokenField + "\" value=\"" + Html.E(user.Session.FormToken) + "\">";

    private static string FilterForm(DashboardFilter filter, IReadOnlyList<int> years, string action)
    {
        var form = new StringBuilder("<form method=\"get\" action=\"").Append(Html.E(action)).Append("\" class=\"filters\">");
        form.Append("<label>Tahun <select name=\"tahun\">");
        foreach (var year in years)
        {
            form.Append(Option(year.ToString(CultureInfo.InvariantCulture), year.ToString(CultureInfo.InvariantCulture), year == filter.Year));
        }

        form.Append("</select></label><label>Periode <select name=\"periode\">").Append(Option(string.Empty, "B6 dan B12", filter.Period is null));
        foreach (var period in Enum.GetValues<ReportingPeriod>())
        {
            form.Append(Option(period.ToString(), period.ToString(), filter.Period == period));
        }

        form.Append("</select></label><label>Program <select name=\"program\">").Append(Option(string.Empty, "Semua program", filter.Programme is null));
        foreach (var programme in Enum.GetValues<Programme>())
        {
            form.Append(Option(programme.ToString(), DomainLabels.Of(programme), filter.Programme == programme));
        }

        return form.Append("</select></label><button type=\"submit\">Terapkan</button></form>").ToString();
    }

    private static string Option(string value, string label, bool selected) =>
        "<option value=\"" + Html.E(value) + "\"" + (selected ? " selected" : string.Empty) + ">" + Html.E(label) + "</option>";
}
