using System.Globalization;

namespace Bot.Host.Web.Dashboard;

/// <summary>Number and date formatting for the dashboard pages (Indonesian: comma decimals). Razor does the encoding.</summary>
internal static class DashboardFormat
{
    private static readonly CultureInfo Indonesian = CultureInfo.GetCultureInfo("id-ID");

    public static string Number(decimal value) => value.ToString("#,##0.##", Indonesian);

    public static string Percent(decimal? value) => value is { } v ? v.ToString("0.#", Indonesian) + "%" : "–";

    public static string Rupiah(decimal? value) => value is { } v ? "Rp " + v.ToString("#,##0", Indonesian) : "–";

    public static string Date(DateOnly date) => date.ToString("d MMM yyyy", Indonesian);

    public static string DateTime(DateTime utc, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTimeFromUtc(System.DateTime.SpecifyKind(utc, DateTimeKind.Utc), zone).ToString("d MMM yyyy HH:mm", Indonesian);

    public static string FileSize(long bytes) =>
        bytes < 1024 ? bytes.ToString(CultureInfo.InvariantCulture) + " B"
        : bytes < 1024 * 1024 ? (bytes / 1024m).ToString("0.#", Indonesian) + " KB"
        : (bytes / 1024m / 1024m).ToString("0.#", Indonesian) + " MB";

    public static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);
}
