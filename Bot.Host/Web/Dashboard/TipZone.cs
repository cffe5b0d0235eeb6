using Bot.Dialogs.Domain;
using Bot.Dialogs.Tips;

namespace Bot.Host.Web.Dashboard;

/// <summary>Where and when a tip happened, as the tip pages show it (times in WITA, rounded to the hour on receipt).</summary>
internal static class TipZone
{
    public static readonly TimeZoneInfo Wita = IndonesianTimeZones.Find(null);

    public static string Location(Tip tip) => tip.Desa is null ? "Kec. " + tip.Kecamatan : $"{tip.Desa}, Kec. {tip.Kecamatan}";
}
