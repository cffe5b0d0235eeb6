using Bot.Dialogs.Domain;
using Bot.Dialogs.Engine;
using Bot.Dialogs.Storage;
using Bot.Dialogs.Understanding;

namespace Bot.Dialogs.Reminders;

/// <summary>
/// The coordinator's chase in chat, however worded: who has not reported ("belum lapor B6", "siapa aja yg blm
/// lapor?"), nudges ("ingatkan semua", "ingatkan Dinkes", "colek dinsos dong") and the digest ("ringkasan",
/// "rekap"). The period, year and OPD come from the understanding step. Anyone else gets a clear refusal.
/// </summary>
internal sealed class ChaseHandler(
    UserStore users,
    OrganisationStore organisations,
    ReportingOverview overview,
    CoordinatorReports reports,
    NudgeService nudges,
    RecipientDirectory directory,
    TimeProvider time) : IIntentHandler
{
    public Task HandleAsync(TurnContext turn, Interpretation understood, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(understood);
        var user = users.FindByAccount(TurnProcessor.UserKey(turn.Activity.ChannelId!, turn.Activity.From!.Id!));
        if (user is not { IsCoordinator: true })
        {
            turn.SendText(CoordinatorTexts.OnlyCoordinators);
            return Task.CompletedTask;
        }

        var today = LocalSchedule.LocalDate(time.GetUtcNow().UtcDateTime, directory.ZoneOf(user));
        switch (understood.Intent)
        {
            case Intents.Summary:
                turn.Send(reports.Digest(user, today, turn.Locale));
                break;
            case Intents.Missing:
                var (period, year) = PeriodOf(understood.Entities, today);
                turn.Send(reports.Missing(user, period, year, today, turn.Locale));
                break;
            default:
                NudgeOrganisations(turn, user, understood, today);
                break;
        }

        return Task.CompletedTask;
    }

    private void NudgeOrganisations(TurnContext turn, BotUser user, Interpretation understood, DateOnly today)
    {
        var entities = understood.Entities;
        var target = understood.TypedArgument ?? entities.Argument ?? string.Empty;
        IReadOnlyList<Organisation> scope;
        if (entities.AllOrganisations || string.Equals(target, "semua", StringComparison.OrdinalIgnoreCase) || string.Equals(target, "all", StringComparison.OrdinalIgnoreCase))
        {
            scope = overview.ScopeFor(user);
        }
        else if ((entities.Organisation is { } match ? organisations.Get(match.Id) : organisations.FindByName(target)) is { } organisation)
        {
            scope = [organisation];
        }
        else if (target.Length == 0)
        {
            turn.SendText(CoordinatorTexts.NudgeWhom.Format(turn.Locale, string.Join(", ", overview.ScopeFor(user).Select(CoordinatorReports.Name))));
            return;
        }
        else
        {
            var known = string.Join(", ", overview.ScopeFor(user).Select(CoordinatorReports.Name));
            turn.SendText(CoordinatorTexts.UnknownOrganisation.Format(turn.Locale, target, known));
            return;
        }

        var (period, year) = ReportingOverview.CurrentPeriod(today);
        var result = nudges.Nudge(user, scope, period, year);
        var withoutFokal = result.WithoutFokal.Count > 0 ? CoordinatorTexts.NoFokal.Format(turn.Locale, string.Join(", ", result.WithoutFokal)) : string.Empty;
        if (result.Queued == 0 && result.AlreadyToday == 0)
        {
            turn.SendText(CoordinatorTexts.NothingToNudge.Format(turn.Locale, period, year, string.Empty) + withoutFokal);
            return;
        }

        var names = string.Join(", ", scope.Count > 3 ? scope.Take(3).Select(CoordinatorReports.Name).Append("…") : scope.Select(CoordinatorReports.Name));
        turn.SendText(CoordinatorTexts.Nudged.Format(turn.Locale, result.Queued, result.Fokal, names, result.AlreadyToday) + withoutFokal);
    }

    private static (ReportingPeriod Period, int Year) PeriodOf(MessageEntities entities, DateOnly today)
    {
        if (entities.Period is not { } period)
        {
            return ReportingOverview.CurrentPeriod(today);
        }

        return (period, entities.Year ?? ReportingOverview.YearOf(period, today));
    }
}
