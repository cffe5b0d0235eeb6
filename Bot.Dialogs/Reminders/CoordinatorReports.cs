using Bot.Dialogs.Activities;
using Bot.Dialogs.Domain;
using Bot.Dialogs.Engine;

namespace Bot.Dialogs.Reminders;

/// <summary>Composes the "belum lapor" list and the digest a coordinator reads, over their own OPDs.</summary>
internal sealed class CoordinatorReports(ReportingOverview overview, Storage.IUserStore users)
{
    private const int CommitmentsListedPerOrganisation = 10;

    /// <summary>
    /// Per period asked (each opened period when none is named) and per OPD with a fokal: the commitments without a
    /// submitted report, overdue first, with counts. OPDs without a fokal are named apart and counted nowhere.
    /// </summary>
    public Activity Missing(BotUser coordinator, IReadOnlyList<(ReportingPeriod Period, int Year)> periods, DateOnly today, string? locale)
    {
        ArgumentNullException.ThrowIfNull(periods);
        var english = LocalizedText.IsEnglish(locale);
        var asOf = ReminderDates.FormatShort(today, english);
        var scope = overview.ScopeFor(coordinator);
        var withoutFokal = new SortedSet<string>(StringComparer.OrdinalIgnoreCase);
        var sections = new List<(ReportingPeriod Period, int Year, List<OrganisationStanding> Lagging)>();
        foreach (var (period, year) in periods)
        {
            var lagging = new List<OrganisationStanding>();
            foreach (var standing in overview.Standings(scope, period, year, today).Where(s => s.Missing.Count > 0))
            {
                if (users.ListFokal(standing.Organisation.Id).Count == 0)
                {
                    withoutFokal.Add(Name(standing.Organisation));
                    continue;
                }

                lagging.Add(standing);
            }

            if (lagging.Count > 0)
            {
                sections.Add((period, year, lagging.OrderByDescending(s => s.Overdue).ThenByDescending(s => s.Missing.Count).ToList()));
            }
        }

        var apart = withoutFokal.Count > 0 ? "\n\n" + CoordinatorTexts.NoFokal.Format(locale, string.Join(", ", withoutFokal)) : string.Empty;
        if (sections.Count == 0)
        {
            var named = string.Join(", ", periods.Select(p => $"{p.Period} {p.Year}"));
            return ReminderComposer.Message(CoordinatorTexts.AllReported.Format(locale, named, asOf) + apart, locale, [Button(ReminderTexts.Summary, ReminderCommands.Summary, locale)]);
        }

        var lines = new List<string>();
        foreach (var (period, year, lagging) in sections)
        {
            if (lines.Count > 0)
            {
                lines.Add(string.Empty);
            }

            lines.Add(CoordinatorTexts.MissingHeader.Format(locale, $"{period} {year}", asOf, lagging.Sum(s => s.Missing.Count), lagging.Count, lagging.Sum(s => s.Overdue)));
            lines.Add(string.Empty);
            foreach (var standing in lagging)
            {
                var who = string.Join(", ", users.ListFokal(standing.Organisation.Id).Select(f => f.DisplayName(english)));
                lines.Add(CoordinatorTexts.OrganisationLine.Format(locale, Name(standing.Organisation), standing.Missing.Count, standing.Overdue, standing.Expected, who));
                foreach (var missing in standing.Missing.OrderByDescending(m => m.DaysLate).ThenBy(m => m.Commitment.Code, StringComparer.Ordinal).Take(CommitmentsListedPerOrganisation))
                {
                    lines.Add(Describe(missing, english, locale));
                }
            }
        }

        var buttons = new List<CardAction> { Button(ReminderTexts.NudgeAll, ReminderCommands.NudgeAll, locale) };
        buttons.AddRange(sections.SelectMany(s => s.Lagging).Select(s => Name(s.Organisation)).Distinct(StringComparer.OrdinalIgnoreCase).Take(2)
            .Select(name => CardAction.ImBack(Truncate("Ingatkan " + name), ReminderCommands.Nudge(name))));
        buttons.Add(Button(ReminderTexts.Summary, ReminderCommands.Summary, locale));
        return ReminderComposer.Message(string.Join("\n", lines) + apart, locale, buttons);
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
        var withFokal = scope.Where(o => users.ListFokal(o.Id).Count > 0).ToList();
        var withoutFokal = scope.Except(withFokal)
            .Where(o => periods.Any(p => overview.Standing(o, p.Period, p.Year, today).Expected > 0))
            .Select(Name)
            .Order(StringComparer.OrdinalIgnoreCase)
            .ToList();
        var apart = withoutFokal.Count > 0 ? "\n\n" + CoordinatorTexts.NoFokal.Format(locale, string.Join(", ", withoutFokal)) : string.Empty;
        var sections = periods
            .Select(p => (p.Period, p.Year, Standings: overview.Standings(withFokal, p.Period, p.Year, today)))
            .Where(s => s.Standings.Count > 0)
            .ToList();
        if (sections.Count == 0)
        {
            var named = string.Join(", ", periods.Select(p => $"{p.Period} {p.Year}"));
            return ReminderComposer.Message(CoordinatorTexts.NothingExpected.Format(locale, named) + apart, locale, []);
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
        return ReminderComposer.Message(string.Join("\n", lines) + apart, locale, buttons);
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
