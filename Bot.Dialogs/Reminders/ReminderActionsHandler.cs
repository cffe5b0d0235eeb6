using Bot.Dialogs.Activities;
using Bot.Dialogs.Domain;
using Bot.Dialogs.Engine;
using Bot.Dialogs.Storage;
using Bot.Dialogs.Understanding;

namespace Bot.Dialogs.Reminders;

/// <summary>
/// The reminder buttons a fokal taps ("ingatkan besok RA-2027-014 B6", "tunda 3 hari RA-2027-014 B6", "sudah
/// selesai RA-2027-014 B6") and the same said in other words ("tunda seminggu ra 2027 14"). The period may be left
/// out when only one is still open.
/// </summary>
internal sealed class ReminderActionsHandler(
    IUserStore users,
    ICommitmentStore commitments,
    IOrganisationStore organisations,
    ReminderActions actions,
    RecipientDirectory directory,
    ReminderPlanner planner) : IIntentHandler
{
    public Task HandleAsync(TurnContext turn, Interpretation understood, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(understood);
        var entities = understood.Entities;
        if (entities.CommitmentCode is not { } code)
        {
            turn.SendText(ReminderActionTexts.NeedCode.For(turn.Locale));
            return Task.CompletedTask;
        }

        var user = users.FindByAccount(TurnProcessor.UserKey(turn.Activity.ChannelId!, turn.Activity.From!.Id!));
        var commitment = commitments.FindByCode(code);
        if (commitment is null)
        {
            turn.SendText(ReminderActionTexts.UnknownCommitment.Format(turn.Locale, code));
            return Task.CompletedTask;
        }

        if (user is null || !(user.IsFokal && user.OrganisationId == commitment.OrganisationId))
        {
            turn.SendText(ReminderActionTexts.NotYourCommitment.Format(turn.Locale, commitment.Code));
            return Task.CompletedTask;
        }

        var period = ChoosePeriod(commitment, entities.Period);
        if (period is null)
        {
            turn.SendText(ReminderActionTexts.WhichPeriod.Format(turn.Locale, commitment.Code, string.Join(", ", commitment.Periods)));
            return Task.CompletedTask;
        }

        var organisation = organisations.Get(commitment.OrganisationId);
        var english = turn.IsEnglish;
        if (understood.Intent == Intents.AlreadyDone)
        {
            actions.MarkDone(user, commitment, period.Value);
            turn.Send(ReminderComposer.Message(
                ReminderActionTexts.Done.Format(turn.Locale, commitment.Code, period),
                turn.Locale,
                [CardAction.ImBack(ReminderTexts.ReportNow.For(turn.Locale), ReminderCommands.Report(commitment.Code, period.Value))]));
            return Task.CompletedTask;
        }

        var days = entities.Days ?? 1;
        if (days is < 1 or > 30)
        {
            turn.SendText(ReminderActionTexts.DaysOutOfRange.For(turn.Locale));
            return Task.CompletedTask;
        }

        var at = actions.Snooze(user, commitment, period.Value, days, organisation is null ? string.Empty : CoordinatorReports.Name(organisation));
        var local = LocalSchedule.ToLocal(at, directory.ZoneOf(user));
        turn.SendText(ReminderActionTexts.Snoozed.Format(
            turn.Locale, commitment.Code, period, ReminderDates.Format(DateOnly.FromDateTime(local), english), local.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture), user.TimeZone ?? organisation?.TimeZone ?? IndonesianTimeZones.Default));
        return Task.CompletedTask;
    }

    /// <summary>The named period, or the only one still open.</summary>
    private ReportingPeriod? ChoosePeriod(Commitment commitment, ReportingPeriod? named)
    {
        if (named is { } period)
        {
            return commitment.Periods.Contains(period) ? period : null;
        }

        var open = commitment.Periods.Distinct().Except(planner.Gather(commitment).ClosedPeriods).ToList();
        return open.Count == 1 ? open[0] : null;
    }
}
