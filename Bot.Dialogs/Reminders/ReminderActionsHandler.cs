using System.Text.RegularExpressions;
using Bot.Dialogs.Activities;
using Bot.Dialogs.Domain;
using Bot.Dialogs.Engine;
using Bot.Dialogs.Storage;

namespace Bot.Dialogs.Reminders;

/// <summary>
/// The reminder buttons a fokal taps: "ingatkan besok RA-2027-014 B6", "tunda 3 hari RA-2027-014 B6",
/// "sudah selesai RA-2027-014 B6" (the period may be left out when only one is still open).
/// </summary>
internal sealed partial class ReminderActionsHandler(
    UserStore users,
    CommitmentStore commitments,
    OrganisationStore organisations,
    ReminderActions actions,
    RecipientDirectory directory,
    ReminderPlanner planner) : ITurnHandler
{
    public int Order => 40;

    public Task<bool> TryHandleAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var match = Command().Match(turn.Text);
        if (!match.Success)
        {
            return Task.FromResult(false);
        }

        var user = users.FindByAccount(TurnProcessor.UserKey(turn.Activity.ChannelId!, turn.Activity.From!.Id!));
        var commitment = commitments.FindByCode(match.Groups["code"].Value);
        if (commitment is null)
        {
            turn.SendText(ReminderActionTexts.UnknownCommitment.Format(turn.Locale, match.Groups["code"].Value.ToUpperInvariant()));
            return Task.FromResult(true);
        }

        if (user is null || !(user.IsFokal && user.OrganisationId == commitment.OrganisationId))
        {
            turn.SendText(ReminderActionTexts.NotYourCommitment.Format(turn.Locale, commitment.Code));
            return Task.FromResult(true);
        }

        var period = ChoosePeriod(commitment, match.Groups["period"].Value);
        if (period is null)
        {
            turn.SendText(ReminderActionTexts.WhichPeriod.Format(turn.Locale, commitment.Code, string.Join(", ", commitment.Periods)));
            return Task.FromResult(true);
        }

        var organisation = organisations.Get(commitment.OrganisationId);
        var english = turn.IsEnglish;
        if (match.Groups["done"].Success)
        {
            actions.MarkDone(user, commitment, period.Value);
            turn.Send(ReminderComposer.Message(
                ReminderActionTexts.Done.Format(turn.Locale, commitment.Code, period),
                turn.Locale,
                [CardAction.ImBack(ReminderTexts.ReportNow.For(turn.Locale), ReminderCommands.Report(commitment.Code, period.Value))]));
            return Task.FromResult(true);
        }

        var days = match.Groups["tomorrow"].Success ? 1 : int.Parse(match.Groups["days"].Value, System.Globalization.CultureInfo.InvariantCulture);
        if (days is < 1 or > 30)
        {
            turn.SendText(ReminderActionTexts.DaysOutOfRange.For(turn.Locale));
            return Task.FromResult(true);
        }

        var at = actions.Snooze(user, commitment, period.Value, days, organisation is null ? string.Empty : CoordinatorReports.Name(organisation));
        var local = LocalSchedule.ToLocal(at, directory.ZoneOf(user));
        turn.SendText(ReminderActionTexts.Snoozed.Format(
            turn.Locale, commitment.Code, period, ReminderDates.Format(DateOnly.FromDateTime(local), english), local.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture), user.TimeZone ?? organisation?.TimeZone ?? IndonesianTimeZones.Default));
        return Task.FromResult(true);
    }

    /// <summary>The named period, or the only one still open.</summary>
    private ReportingPeriod? ChoosePeriod(Commitment commitment, string named)
    {
        if (Enum.TryParse<ReportingPeriod>(named, ignoreCase: true, out var period))
        {
            return commitment.Periods.Contains(period) ? period : null;
        }

        var open = commitment.Periods.Distinct().Except(planner.Gather(commitment).ClosedPeriods).ToList();
        return open.Count == 1 ? open[0] : null;
    }

    [GeneratedRegex(
        @"^(?:(?<tomorrow>ingatkan\s+besok)|tunda\s+(?<days>\d{1,3})\s+hari|(?<done>sudah\s+selesai))\s+(?<code>RA-\d{4}-\d{1,5})(?:\s+(?<period>B6|B12))?\s*[.!]?$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Command();
}
