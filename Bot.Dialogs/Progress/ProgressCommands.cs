using System.Text.RegularExpressions;
using Bot.Dialogs.Domain;
using Bot.Dialogs.Engine;
using Bot.Dialogs.Engine.Dialogs;
using Bot.Dialogs.Enrollment;

namespace Bot.Dialogs.Progress;

/// <summary>
/// "lapor progres" and "lapor RA-2027-014 B6" (the reminders' "Lapor sekarang" button sends the latter).
/// Plain "lapor" and "lapor narkoba" belong to the anonymous tip line and are left alone.
/// </summary>
internal sealed partial class ProgressCommands(DialogRunner dialogs) : ITurnHandler
{
    private static readonly string[] StartWords = ["lapor progres", "lapor progress", "lapor realisasi", "laporkan progres", "report progress"];

    public int Order => 40;

    public async Task<bool> TryHandleAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var direct = turn.Text.Length <= CommandText.MaxLength ? DirectPattern().Match(turn.Text) : Match.Empty;
        if (!direct.Success && !CommandText.IsExactly(turn.Text, StartWords))
        {
            return false;
        }

        if (!Access.RequireFokal(turn, out _, out _))
        {
            return true;
        }

        var draft = new ReportProgressDialog.ReportDraft();
        if (direct.Success)
        {
            draft.Code = $"RA-{direct.Groups["year"].Value}-{direct.Groups["seq"].Value}";
            draft.Period = direct.Groups["period"].Success ? Enum.Parse<ReportingPeriod>(direct.Groups["period"].Value, ignoreCase: true) : null;
        }

        await dialogs.BeginAsync(turn, ReportProgressDialog.DialogId, draft, cancellationToken);
        return true;
    }

    [GeneratedRegex(@"^\s*(?:lapor|laporkan|report)\s+RA[-\s]?(?<year>\d{4})[-\s]?(?<seq>\d{3,4})(?:\s+(?<period>B6|B12))?\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 200)]
    private static partial Regex DirectPattern();
}
