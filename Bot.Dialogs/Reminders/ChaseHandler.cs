using System.Globalization;
using System.Text.RegularExpressions;
using Bot.Dialogs.Domain;
using Bot.Dialogs.Engine;
using Bot.Dialogs.Storage;

namespace Bot.Dialogs.Reminders;

/// <summary>
/// The coordinator's chase in chat: "siapa yang belum lapor B6" / "belum lapor", "ingatkan semua",
/// "ingatkan &lt;OPD&gt;", "ringkasan". Anyone else gets a clear refusal.
/// </summary>
internal sealed partial class ChaseHandler(
    UserStore users,
    OrganisationStore organisations,
    ReportingOverview overview,
    CoordinatorReports reports,
    NudgeService nudges,
    RecipientDirectory directory,
    TimeProvider time) : ITurnHandler
{
    public int Order => 41;

    public Task<bool> TryHandleAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var text = turn.Text.TrimEnd('?', '!', '.').Trim();
        var missing = Missing().Match(text);
        var nudge = Nudge().Match(text);
        var summary = string.Equals(text, ReminderCommands.Summary, StringComparison.OrdinalIgnoreCase)
            || string.Equals(text, "summary", StringComparison.OrdinalIgnoreCase);
        if (!missing.Success && !nudge.Success && !summary)
        {
            return Task.FromResult(false);
        }

        var user = users.FindByAccount(TurnProcessor.UserKey(turn.Activity.ChannelId!, turn.Activity.From!.Id!));
        if (user is not { IsCoordinator: true })
        {
            turn.SendText(CoordinatorTexts.OnlyCoordinators);
            return Task.FromResult(true);
        }

        var today = LocalSchedule.LocalDate(time.GetUtcNow().UtcDateTime, directory.ZoneOf(user));
        if (summary)
        {
            turn.Send(reports.Digest(user, today, turn.Locale));
        }
        else if (missing.Success)
        {
            var (period, year) = PeriodOf(missing, today);
            turn.Send(reports.Missing(user, period, year, today, turn.Locale));
        }
        else
        {
            NudgeOrganisations(turn, user, nudge.Groups["target"].Value.Trim(), today);
        }

        return Task.FromResult(true);
    }

    private void NudgeOrganisations(TurnContext turn, BotUser user, string target, DateOnly today)
    {
        IReadOnlyList<Organisation> scope;
        if (string.Equals(target, "semua", StringComparison.OrdinalIgnoreCase) || string.Equals(target, "all", StringComparison.OrdinalIgnoreCase))
        {
            scope = overview.ScopeFor(user);
        }
        else if (organisations.FindByName(target) is { } organisation)
        {
            scope = [organisation];
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

    private static (ReportingPeriod Period, int Year) PeriodOf(Match match, DateOnly today)
    {
        if (!Enum.TryParse<ReportingPeriod>(match.Groups["period"].Value, ignoreCase: true, out var period))
        {
            return ReportingOverview.CurrentPeriod(today);
        }

        return match.Groups["year"].Success
            ? (period, int.Parse(match.Groups["year"].Value, CultureInfo.InvariantCulture))
            : (period, ReportingOverview.YearOf(period, today));
    }

    [GeneratedRegex(@"^(?:siapa\s+(?:yang\s+)?)?belum\s+lapor(?:\s+(?<period>B6|B12))?(?:\s+(?<year>20\d\d))?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Missing();

    [GeneratedRegex(@"^ingatkan\s+(?!besok\b)(?<target>.+)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Nudge();
}
