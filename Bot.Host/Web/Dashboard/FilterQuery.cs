using System.Globalization;
using System.Text;
using Bot.Dialogs.Dashboard;
using Bot.Dialogs.Domain;

namespace Bot.Host.Web.Dashboard;

/// <summary>
/// The filters as query parameters: <c>tahun</c>, <c>periode</c> (B6/B12), <c>program</c> (a programme name). A value
/// the page's own form would never send (a hand-edited link: <c>tahun=abc</c>, <c>periode=B99</c>, a number for a name,
/// the parameter twice) is ignored, so the page still opens with the default, and <see cref="Ignored"/> names it.
/// </summary>
internal static class FilterQuery
{
    public static DashboardFilter Parse(HttpRequest request, int currentYear) => Read(request, currentYear, ignored: null);

    /// <summary>The filter parameters given with a value that <see cref="Parse"/> could not use.</summary>
    public static IReadOnlyList<string> Ignored(HttpRequest request)
    {
        var ignored = new List<string>();
        Read(request, 0, ignored);
        return ignored;
    }

    public static string ToQuery(DashboardFilter filter)
    {
        var query = new StringBuilder("tahun=").Append(filter.Year);
        if (filter.Period is { } period)
        {
            query.Append("&periode=").Append(period);
        }

        if (filter.Programme is { } programme)
        {
            query.Append("&program=").Append(programme);
        }

        return query.ToString();
    }

    public static string Describe(DashboardFilter filter) =>
        $"Tahun {filter.Year} · {(filter.Period is { } p ? "periode " + p : "B6 dan B12")} · " +
        (filter.Programme is { } g ? DomainLabels.Of(g) : "semua program");

    private static DashboardFilter Read(HttpRequest request, int currentYear, List<string>? ignored)
    {
        ArgumentNullException.ThrowIfNull(request);
        return new DashboardFilter(
            Value(request, "tahun", Year, ignored) ?? currentYear,
            Value(request, "periode", Named<ReportingPeriod>, ignored),
            Value(request, "program", Named<Programme>, ignored));
    }

    /// <summary>The parameter's one value, parsed; null when absent or empty (the form's "all"), or noted as ignored.</summary>
    private static T? Value<T>(HttpRequest request, string name, Func<string, T?> parse, List<string>? ignored) where T : struct
    {
        var values = request.Query[name];
        if (values.All(string.IsNullOrEmpty))
        {
            return null;
        }

        if (values is [{ } value] && parse(value) is { } parsed)
        {
            return parsed;
        }

        ignored?.Add(name);
        return null;
    }

    /// <summary>Four ASCII digits only: int.TryParse would also take "2027" followed by NUL characters.</summary>
    private static int? Year(string value) =>
        value.Length == 4 && value.All(char.IsAsciiDigit) && int.Parse(value, CultureInfo.InvariantCulture) is var year && year is >= 2000 and <= 2100 ? year : null;

    /// <summary>Only a member's own name (any case): Enum.TryParse alone would also take "0", "999" or "B6,B12".</summary>
    private static T? Named<T>(string value) where T : struct, Enum =>
        Enum.GetNames<T>().FirstOrDefault(n => string.Equals(n, value, StringComparison.OrdinalIgnoreCase)) is { } name ? Enum.Parse<T>(name) : null;
}
