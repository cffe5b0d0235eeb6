using System.Globalization;
using System.Text.RegularExpressions;
using Bot.Dialogs.Domain;
using Bot.Dialogs.Engine;
using Bot.Dialogs.Storage;

namespace Bot.Dialogs.Reminders;

/// <summary>
/// The coordinator's chase in chat: "siapa yang belum lapor B6" / "belum lapor", "ingatkan semua [B6|B12]",
/// "ingatkan &lt;OPD&gt; [B6|B12]" (without a period: every period whose window has opened, so an overdue B6 is
/// chased in December too), "ringkasan [B6|B12]" (without a period: both). Anyone else gets a clear refusal.
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
        if (text.Length > CommandText.MaxLength)
        {
            return Task.FromResult(false);
        }

        var missing = Missing().Match(text);
        var nudge = Nudge().Match(text);
        var summary = Summary().Match(text);
        if (!missing.Success && !nudge.Success && !summary.Success)
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
        if (summary.Success)
        {
            var periods = NamedPeriod(summary, today) is { } named ? [named] : ReportingOverview.DigestPeriods(today);
            turn.Send(reports.Digest(user, today, turn.Locale, periods));
        }
        else if (missing.Success)
        {
            var periods = NamedPeriod(missing, today) is { } named ? [named] : ReportingOverview.OpenPeriods(today);
            turn.Send(reports.Missing(user, periods, today, turn.Locale));
        }
        else
        {
            var periods = NamedPeriod(nudge, today) is { } named ? [named] : ReportingOverview.OpenPeriods(today);
            NudgeOrganisations(turn, user, nudge.Groups["target"].Value.Trim(), periods);
        }

        return Task.FromResult(true);
    }

    private void NudgeOrganisations(TurnContext turn, BotUser user, string target, IReadOnlyList<(ReportingPeriod Period, int Year)> periods)
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

        var result = nudges.Nudge(user, scope, periods);
        turn.SendText(NudgeReport.Compose(result, turn.Locale), Enrollment.RoleSuggestions.For(turn));
    }

    /// <summary>The period (and year) the command names, or null; a period without a year is its latest opened one.</summary>
    private static (ReportingPeriod Period, int Year)? NamedPeriod(Match match, DateOnly today)
    {
        if (!Enum.TryParse<ReportingPeriod>(match.Groups["period"].Value, ignoreCase: true, out var period))
        {
            return null;
        }

        return match.Groups["year"].Success
            ? (period, int.Parse(match.Groups["year"].Value, CultureInfo.InvariantCulture))
            : (period, ReportingOverview.YearOf(period, today));
    }

    [GeneratedRegex(@"^(?:(?:siapa\s+(?:yang\s+)?)?belum\s+lapor|not\s+reported)(?:\s+(?<period>B6|B12))?(?:\s+(?<year>20\d\d))?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 200)]
    private static partial Regex Missing();

    // "ingatkan Dinsos", "ingatkan dinsos B6", "ingatkan semua B12 2026"; "ingatkan besok …" is a reminder button.
    [GeneratedRegex(@"^(?:ingatkan|nudge)\s+(?!besok\b)(?<target>.+?)(?:\s+(?<period>B6|B12))?(?:\s+(?<year>20\d\d))?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 200)]
    private static partial Regex Nudge();

    [GeneratedRegex(@"^(?:ringkasan|summary)(?:\s+(?<period>B6|B12))?(?:\s+(?<year>20\d\d))?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 200)]
    private static partial Regex Summary();
}
