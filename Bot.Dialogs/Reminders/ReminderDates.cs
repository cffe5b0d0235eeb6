using System.Globalization;

namespace Bot.Dialogs.Reminders;

/// <summary>Dates as people read them: "Rabu, 30 Juni 2027" or "Wednesday, 30 June 2027".</summary>
internal static class ReminderDates
{
    private static readonly string[] Days = ["Minggu", "Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu"];

    private static readonly string[] Months =
        ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober", "November", "Desember"];

    public static string Format(DateOnly date, bool english) => english
        ? date.ToString("dddd, d MMMM yyyy", CultureInfo.InvariantCulture)
        : string.Create(CultureInfo.InvariantCulture, $"{Days[(int)date.DayOfWeek]}, {date.Day} {Months[date.Month - 1]} {date.Year}");

    public static string FormatShort(DateOnly date, bool english) => english
        ? date.ToString("d MMM yyyy", CultureInfo.InvariantCulture)
        : string.Create(CultureInfo.InvariantCulture, $"{date.Day} {Months[date.Month - 1][..3]} {date.Year}");
}
