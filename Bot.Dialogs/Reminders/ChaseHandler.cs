using Bot.Dialogs.Domain;
using Bot.Dialogs.Engine;
using Bot.Dialogs.Storage;
using Bot.Dialogs.Understanding;

namespace Bot.Dialogs.Reminders;

/// <summary>
/// The coordinator's chase in chat, however worded: who has not reported ("belum lapor B6", "siapa aja yg blm
/// lapor?"), nudges ("ingatkan semua", "ingatkan Dinkes B6", "colek dinsos dong"; without a period: every period
/// whose window has opened, so an overdue B6 is chased in December too) and the digest ("ringkasan [B6|B12]",
/// "rekap"; without a period: both). The period, year and OPD come from the understanding step. Anyone else gets
/// a clear refusal.
/// </summary>
internal sealed class ChaseHandler(
    IUserStore users,
    IOrganisationStore organisations,
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
        var named = NamedPeriod(understood.Entities, today);
        switch (understood.Intent)
        {
            case Intents.Summary:
                turn.Send(reports.Digest(user, today, turn.Locale, named is { } p ? [p] : ReportingOverview.DigestPeriods(today)));
                break;
            case Intents.Missing:
                turn.Send(reports.Missing(user, named is { } m ? [m] : ReportingOverview.OpenPeriods(today), today, turn.Locale));
                break;
            default:
                NudgeOrganisations(turn, user, understood, named is { } n ? [n] : ReportingOverview.OpenPeriods(today));
                break;
        }

        return Task.CompletedTask;
    }

    private void NudgeOrganisations(TurnContext turn, BotUser user, Interpretation understood, IReadOnlyList<(ReportingPeriod Period, int Year)> periods)
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

        var result = nudges.Nudge(user, scope, periods);
        turn.SendText(NudgeReport.Compose(result, turn.Locale), Enrollment.RoleSuggestions.For(turn));
    }

    /// <summary>The period (and year) the message names, or null; a period without a year is its latest opened one.</summary>
    private static (ReportingPeriod Period, int Year)? NamedPeriod(MessageEntities entities, DateOnly today)
    {
        if (entities.Period is not { } period)
        {
            return null;
        }

        return (period, entities.Year ?? ReportingOverview.YearOf(period, today));
    }
}
