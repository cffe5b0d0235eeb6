using System.Globalization;
using System.Text;

namespace Bot.Host.Web.Dashboard;

/// <summary>
/// A horizontal bar chart as inline SVG, drawn on the server: readable on a phone (labels above the bars),
/// printable, and needing no script. Bars without a value (or zero) show only their text.
/// </summary>
internal static class BarChart
{
    private const int Width = 320;
    private const int BarArea = 250;
    private const int RowHeight = 34;

    public static string Render(string id, string title, IReadOnlyList<Bar> bars, decimal? scaleMax = null)
    {
        var max = scaleMax ?? Math.Max(1m, bars.Select(b => b.Value ?? 0m).DefaultIfEmpty(0m).Max());
        var height = Math.Max(1, bars.Count) * RowHeight + 6;
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg id=\"{id}\" class=\"chart\" viewBox=\"0 0 {Width} {height}\" role=\"img\" aria-labelledby=\"{id}-t\" xmlns=\"http://www.w3.org/2000/svg\">");
        svg.Append(CultureInfo.InvariantCulture, $"<title id=\"{id}-t\">{Html.E(title)}</title>");
        if (bars.Count == 0)
        {
            svg.Append("<text x=\"0\" y=\"20\" class=\"chart-empty\">Belum ada data</text>");
        }

        for (var i = 0; i < bars.Count; i++)
        {
            var bar = bars[i];
            var top = i * RowHeight;
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"0\" y=\"{top + 12}\" class=\"chart-label\">{Html.E(bar.Label)}</text>");
            if (bar.Value is { } value && value > 0)
            {
                var width = Math.Max(1m, Math.Round(BarArea * Math.Min(value, max) / max, 1));
                svg.Append(CultureInfo.InvariantCulture,
                    $"<rect class=\"bar\" x=\"0\" y=\"{top + 16}\" width=\"{width}\" height=\"13\" rx=\"2\"><title>{Html.E(bar.Label)}: {Html.E(bar.Display)}</title></rect>");
                svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{width + 4}\" y=\"{top + 27}\" class=\"chart-value\">{Html.E(bar.Display)}</text>");
            }
            else
            {
                svg.Append(CultureInfo.InvariantCulture, $"<text x=\"0\" y=\"{top + 27}\" class=\"chart-value\">{Html.E(bar.Display)}</text>");
            }
        }

        return svg.Append("</svg>").ToString();
    }
}

/// <summary>One bar: its label, its value (null: nothing to draw) and the text shown beside it.</summary>
internal sealed record Bar(string Label, decimal? Value, string Display);
