using Bot.Dialogs.Activities;
using Bot.Dialogs.Domain;
using Bot.Dialogs.Engine;

namespace Bot.Dialogs.Reminders;

/// <summary>Composes the "belum lapor" list and the digest a coordinator reads, over their own OPDs.</summary>
internal sealed class CoordinatorReports(ReportingOverview overview, Storage.UserStore users)
{
    private const int CommitmentsListedPerOrganisation = 10;

    /// <summary>Per OPD: the commitments without a submitted report, overdue first, with counts.</summary>
    public Activity Missing(BotUser coordinator, ReportingPeriod period, int year, DateOnly today, string? locale)
    {
        var english = LocalizedText.IsEnglish(locale);
        var asOf = ReminderDates.FormatShort(today, english);
        var lagging = overview.Standings(overview.ScopeFor(coordinator), period, year, today)
            .Where(s => s.Missing.Count > 0)
            .OrderByDescending(s => s.Overdue)
            .ThenByDescending(s => s.Missing.Count)
            .ToList();
        if (lagging.Count == 0)
        {
            return ReminderComposer.Message(CoordinatorTexts.AllReported.Format(locale, period, year, asOf), locale, [Button(ReminderTexts.Summary, ReminderCommands.Summary, locale)]);
        }

        var lines = new List<string>
        {
            CoordinatorTexts.MissingHeader.Format(locale, period, year, asOf, lagging.Sum(s => s.Missing.Count), lagging.Count, lagging.Sum(s => s.Overdue)),
            string.Empty,
        };
        foreach (var standing in lagging)
        {
            var fokal = users.ListFokal(standing.Organisation.Id);
            var who = fokal.Count == 0 ? CoordinatorTexts.NoFokalYet.For(locale) : string.Join(", ", fokal.Select(f => f.DisplayName(english)));
            lines.Add(CoordinatorTexts.OrganisationLine.Format(locale, Name(standing.Organisation), standing.Missing.Count, standing.Overdue, standing.Expected, who));
            foreach (var missing in standing.Missing.OrderByDescending(m => m.DaysLate).ThenBy(m => m.Commitment.Code, StringComparer.Ordinal).Take(CommitmentsListedPerOrganisation))
            {
                lines.Add(Describe(missing, english, locale));
            }
        }

        var buttons = new List<CardAction> { Button(ReminderTexts.NudgeAll, ReminderCommands.NudgeAll, locale) };
        buttons.AddRange(lagging.Take(2).Select(s => CardAction.ImBack(Truncate("Ingatkan " + Name(s.Organisation)), ReminderCommands.Nudge(Name(s.Organisation)))));
        buttons.Add(Button(ReminderTexts.Summary, ReminderCommands.Summary, locale));
        return ReminderComposer.Message(string.Join("\n", lines), locale, buttons);
    }

    /// <summary>
    /// The digest: per period (both of the plan year unless <paramref name="periods"/> names one), the totals and a
    /// line per OPD, OPDs with overdue reports first.
    /// </summary>
    public Activity Digest(BotUser coordinator, DateOnly today, string? locale, IReadOnlyList<(ReportingPeriod Period, int Year)>? periods = null)
    {
        periods ??= ReportingOverview.DigestPeriods(today);
        var scope = overview.ScopeFor(coordinator);
        var asOf = ReminderDates.FormatShort(today, LocalizedText.IsEnglish(locale));
        var sections = periods
            .Select(p => (p.Period, p.Year, Standings: overview.Standings(scope, p.Period, p.Year, today)))
            .Where(s => s.Standings.Count > 0)
            .ToList();
        if (sections.Count == 0)
        {
            var named = string.Join(", ", periods.Select(p => $"{p.Period} {p.Year}"));
            return ReminderComposer.Message(CoordinatorTexts.NothingExpected.Format(locale, named), locale, []);
        }

        var lines = new List<string> { CoordinatorTexts.DigestHeader.Format(locale, asOf) };
        foreach (var (period, year, standings) in sections)
        {
            lines.Add(string.Empty);
            lines.Add(CoordinatorTexts.DigestSection.Format(
                locale, period, year,
                standings.Sum(s => s.Expected), standings.Sum(s => s.Submitted), standings.Sum(s => s.AwaitingReview),
                standings.Sum(s => s.Missing.Count), standings.Sum(s => s.Overdue)));
            lines.AddRange(standings
                .OrderByDescending(s => s.Overdue)
                .ThenBy(s => Name(s.Organisation), StringComparer.OrdinalIgnoreCase)
                .Select(s => CoordinatorTexts.DigestLine.Format(locale, Name(s.Organisation), s.Submitted, s.Expected, s.Overdue)));
        }

        var buttons = sections
            .Where(s => s.Standings.Any(x => x.Missing.Count > 0))
            .Select(s => CardAction.ImBack(ReminderTexts.NotReported.Format(locale, s.Period), ReminderCommands.NotReported(s.Period)))
            .ToList();
        buttons.Add(Button(ReminderTexts.NudgeAll, ReminderCommands.NudgeAll, locale));
        return ReminderComposer.Message(string.Join("\n", lines), locale, buttons);
    }

    public static string Name(Organisation organisation) =>
        organisation.ShortName is { Length: > 0 } shortName ? shortName : organisation.Name;

    private static string Describe(MissingReport missing, bool english, string? locale)
    {
        var line = missing.IsOverdue
            ? CoordinatorTexts.CommitmentOverdue.Format(locale, missing.Commitment.Code, missing.Commitment.Title, missing.DaysLate)
            : CoordinatorTexts.CommitmentOpen.Format(locale, missing.Commitment.Code, missing.Commitment.Title, ReminderDates.FormatShort(missing.End, english));
        return missing.DraftState switch
        {
            ReportState.Draft => line + CoordinatorTexts.DraftNote.For(locale),
            ReportState.Returned => line + CoordinatorTexts.ReturnedNote.For(locale),
            _ => line,
        };
    }

    private static CardAction Button(LocalizedText title, string value, string? locale) => CardAction.ImBack(title.For(locale), value);

    private static string Truncate(string title) => title.Length <= 20 ? title : title[..20];
}
