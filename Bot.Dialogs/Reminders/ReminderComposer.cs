using Bot.Dialogs.Activities;
using Bot.Dialogs.Engine;

namespace Bot.Dialogs.Reminders;

/// <summary>Turns outbox rows into the message a person reads, with the buttons that act on it.</summary>
internal static class ReminderComposer
{
    /// <summary>One row, one message: what is due, when, and four one-tap answers (or two for a coordinator).</summary>
    public static Activity Single(ReminderItem row, DateOnly today, string? locale)
    {
        ArgumentNullException.ThrowIfNull(row);
        var text = Header(row, locale) + "\n\n" + Line(row, today, locale);
        if (row.Kind == ReminderKind.Escalation)
        {
            return Message(text, locale, EscalationButtons(row, locale));
        }

        var buttons = row.CommitmentCode is { } code && row.Period is { } period
            ? new List<CardAction>
            {
                CardAction.ImBack(ReminderTexts.ReportNow.For(locale), ReminderCommands.Report(code, period)),
                CardAction.ImBack(ReminderTexts.RemindTomorrow.For(locale), ReminderCommands.RemindTomorrow(code, period)),
                CardAction.ImBack(ReminderTexts.Snooze3Days.For(locale), ReminderCommands.Snooze3Days(code, period)),
                CardAction.ImBack(ReminderTexts.AlreadyDone.For(locale), ReminderCommands.AlreadyDone(code, period)),
            }
            : [];
        return Message(text + "\n\n" + ReminderTexts.FokalFooter.For(locale), locale, buttons);
    }

    /// <summary>
    /// Several rows in one message, one line per commitment and period (the latest step wins), so a backlog
    /// arrives as one message rather than a burst.
    /// </summary>
    public static Activity Fold(IReadOnlyList<ReminderItem> rows, DateOnly today, string? locale, bool catchUp)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var lines = rows
            .GroupBy(r => (r.CommitmentId, r.Period, r.IsDeadline, Escalation: r.Kind == ReminderKind.Escalation, r.OrganisationId))
            .Select(g => g.MaxBy(r => r.DueAt)!)
            .OrderBy(r => r.Target)
            .ThenBy(r => r.CommitmentCode, StringComparer.Ordinal)
            .ToList();
        var header = catchUp ? ReminderTexts.CatchUpHeader.For(locale) : ReminderTexts.FoldHeader.Format(locale, lines.Count);
        var text = header + "\n\n" + string.Join("\n", lines.Select(r => "- " + Line(r, today, locale)));

        var buttons = lines
            .Where(r => r.Kind != ReminderKind.Escalation && r.CommitmentCode is not null && r.Period is not null)
            .Select(r => (Code: r.CommitmentCode!, Period: r.Period!.Value))
            .Distinct()
            .Take(3)
            .Select(p => CardAction.ImBack($"{p.Code} {p.Period}", ReminderCommands.Report(p.Code, p.Period)))
            .ToList();
        if (buttons.Count > 0)
        {
            text += "\n\n" + ReminderTexts.FoldFooter.For(locale);
        }

        if (lines.Any(r => r.Kind == ReminderKind.Escalation))
        {
            buttons.Add(CardAction.ImBack(ReminderTexts.NudgeAll.For(locale), ReminderCommands.NudgeAll));
            buttons.Add(CardAction.ImBack(ReminderTexts.Summary.For(locale), ReminderCommands.Summary));
        }

        return Message(text, locale, buttons);
    }

    public static Activity Message(string text, string? locale, IReadOnlyList<CardAction> buttons) => new()
    {
        Type = ActivityTypes.Message,
        Text = text,
        TextFormat = "markdown",
        Locale = locale,
        SuggestedActions = buttons.Count > 0 ? new SuggestedActions { Actions = buttons } : null,
    };

    private static string Header(ReminderItem row, string? locale) => row.Kind switch
    {
        ReminderKind.Due => ReminderTexts.DueHeader.For(locale),
        ReminderKind.Overdue => ReminderTexts.OverdueHeader.For(locale),
        ReminderKind.Escalation => ReminderTexts.EscalationHeader.For(locale),
        ReminderKind.Window => ReminderTexts.WindowHeader.Format(locale, row.Period, row.Target?.Year),
        ReminderKind.Nudge => ReminderTexts.NudgeHeader.For(locale),
        ReminderKind.Snooze => ReminderTexts.SnoozeHeader.For(locale),
        _ => ReminderTexts.UpcomingHeader.For(locale),
    };

    private static string Line(ReminderItem row, DateOnly today, string? locale)
    {
        var english = LocalizedText.IsEnglish(locale);
        var target = row.Target ?? today;
        var date = ReminderDates.Format(target, english);
        var relative = Relative(target.DayNumber - today.DayNumber, locale);
        var year = target.Year;
        return row.Kind == ReminderKind.Escalation
            ? ReminderTexts.EscalationLine.Format(locale, row.OrganisationName, row.Period, year, row.CommitmentCode, row.CommitmentTitle, relative)
            : (row.IsDeadline ? ReminderTexts.DeadlineLine : ReminderTexts.ReportLine)
                .Format(locale, row.CommitmentCode, row.CommitmentTitle, row.Period, year, date, relative);
    }

    private static string Relative(int daysLeft, string? locale) => daysLeft switch
    {
        > 1 => ReminderTexts.DaysLeft.Format(locale, daysLeft),
        1 => ReminderTexts.Tomorrow.For(locale),
        0 => ReminderTexts.Today.For(locale),
        _ => ReminderTexts.DaysLate.Format(locale, -daysLeft),
    };

    private static List<CardAction> EscalationButtons(ReminderItem row, string? locale)
    {
        var buttons = new List<CardAction>();
        if (row.OrganisationName is { Length: > 0 } organisation)
        {
            buttons.Add(CardAction.ImBack(ReminderTexts.NudgeFokal.For(locale), ReminderCommands.Nudge(organisation)));
        }

        if (row.Period is { } period)
        {
            buttons.Add(CardAction.ImBack(ReminderTexts.NotReported.Format(locale, period), ReminderCommands.NotReported(period)));
        }

        buttons.Add(CardAction.ImBack(ReminderTexts.Summary.For(locale), ReminderCommands.Summary));
        return buttons;
    }
}
