using Microsoft.Extensions.Options;

namespace Bot.Dialogs.Reminders;

/// <summary>
/// Local-time rules of the policy: quiet hours and Sundays, in the recipient's zone. Indonesia keeps no
/// daylight saving, so a local time maps to exactly one UTC instant.
/// </summary>
internal sealed class LocalSchedule(IOptions<ReminderOptions> options)
{
    private readonly ReminderOptions _options = options.Value;

    public static DateTime ToUtc(DateOnly date, TimeSpan timeOfDay, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(date.ToDateTime(TimeOnly.MinValue) + timeOfDay, DateTimeKind.Unspecified), zone);

    public static DateTime ToLocal(DateTime utc, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), zone);

    public static DateOnly LocalDate(DateTime utc, TimeZoneInfo zone) => DateOnly.FromDateTime(ToLocal(utc, zone));

    /// <summary>True when a message may go out at that instant.</summary>
    public bool IsAllowed(DateTime utc, TimeZoneInfo zone)
    {
        var local = ToLocal(utc, zone);
        return !IsQuiet(local.TimeOfDay) && !IsSkippedDay(local);
    }

    /// <summary>The first instant at or after <paramref name="utc"/> when a message may go out.</summary>
    public DateTime NextAllowed(DateTime utc, TimeZoneInfo zone)
    {
        var local = ToLocal(utc, zone);

        // Two rounds settle it: leaving the quiet hours may land on a Sunday, and Monday 00:00 is quiet again.
        for (var round = 0; round < 3; round++)
        {
            if (IsQuiet(local.TimeOfDay))
            {
                var endToday = local.Date + _options.QuietHoursEnd;
                local = local < endToday ? endToday : endToday.AddDays(1);
            }
            else if (IsSkippedDay(local))
            {
                local = local.Date.AddDays(1);
            }
            else
            {
                break;
            }
        }

        return TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), zone);
    }

    /// <summary>
    /// The planned send instant for a step on <paramref name="date"/>: Sundays move to Saturday for steps up to
    /// the date (a warning should come before it) and to Monday after it; quiet hours push to their end.
    /// </summary>
    public DateTime PlannedInstant(DateOnly date, bool beforeOrOnTarget, TimeZoneInfo zone)
    {
        if (_options.SkipSundays && date.DayOfWeek == DayOfWeek.Sunday)
        {
            date = date.AddDays(beforeOrOnTarget ? -1 : 1);
        }

        return NextAllowed(ToUtc(date, _options.SendAt, zone), zone);
    }

    private bool IsQuiet(TimeSpan time)
    {
        if (!_options.HasQuietHours)
        {
            return false;
        }

        var (start, end) = (_options.QuietHoursStart, _options.QuietHoursEnd);
        return start > end ? time >= start || time < end : time >= start && time < end;
    }

    private bool IsSkippedDay(DateTime local) => _options.SkipSundays && local.DayOfWeek == DayOfWeek.Sunday;
}
