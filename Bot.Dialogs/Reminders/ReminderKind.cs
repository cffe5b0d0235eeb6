namespace Bot.Dialogs.Reminders;

/// <summary>What a reminder row is about (DESIGN.md domain sketch).</summary>
public enum ReminderKind
{
    /// <summary>H-7, H-3, H-1: a deadline or period end is coming.</summary>
    Upcoming,

    /// <summary>On the day.</summary>
    Due,

    /// <summary>The period ended without a submitted report: to the fokal.</summary>
    Overdue,

    /// <summary>Still no report some days later: to the OPD's coordinators.</summary>
    Escalation,

    /// <summary>The B6/B12 reporting window opened.</summary>
    Window,

    /// <summary>The weekly coordinator digest.</summary>
    Digest,

    /// <summary>A coordinator's nudge from the chat.</summary>
    Nudge,

    /// <summary>The user asked to be reminded later ("ingatkan besok", "tunda 3 hari").</summary>
    Snooze,
}

/// <summary>Where a row is in its life: pending → sending (leased) → sent, or back to pending for a retry.</summary>
public enum ReminderStatus
{
    Pending,
    Sending,
    Sent,

    /// <summary>Given up after the last attempt, or refused for good by the channel.</summary>
    Failed,

    /// <summary>Not sent on purpose (snoozed past, superseded).</summary>
    Skipped,
}
