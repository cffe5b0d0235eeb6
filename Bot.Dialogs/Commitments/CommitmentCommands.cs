using Bot.Dialogs.Domain;
using Bot.Dialogs.Engine;
using Bot.Dialogs.Engine.Dialogs;
using Bot.Dialogs.Enrollment;
using Bot.Dialogs.Storage;

namespace Bot.Dialogs.Commitments;

/// <summary>
/// The fokal's commitment commands: new, list, show, edit, cancel (Indonesian and English). Coordinators may
/// also read any commitment with "lihat".
/// </summary>
internal sealed class CommitmentCommands(
    DialogRunner dialogs,
    CommitmentStore commitments,
    ProgressReportStore reports,
    OrganisationStore organisations,
    CommitmentLookup lookup) : ITurnHandler
{
    private static readonly string[] NewWords = ["rencana aksi baru", "tambah rencana aksi", "buat rencana aksi", "catat rencana aksi", "new action plan", "add action plan"];
    private static readonly string[] ListWords = ["rencana aksi saya", "daftar rencana aksi", "rencana aksi", "my action plans", "action plans", "list action plans"];
    private static readonly string[] ShowWords = ["lihat", "detail", "show", "view"];
    private static readonly string[] EditWords = ["ubah", "edit", "change"];
    private static readonly string[] CancelWords = ["batalkan", "cancel"];
    private static readonly string[] CancelCommandWords = ["batalkan rencana aksi", "cancel action plan"];

    public int Order => 30;

    public async Task<bool> TryHandleAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var text = turn.Text;
        if (CommandText.IsExactly(text, NewWords))
        {
            await BeginRegisterAsync(turn, cancellationToken);
        }
        else if (CommandText.IsExactly(text, ListWords))
        {
            List(turn);
        }
        else if (CommandText.TryMatch(text, ShowWords, out var code) && LooksLikeCode(code))
        {
            Show(turn, code);
        }
        else if (CommandText.TryMatch(text, EditWords, out code) && LooksLikeCode(code))
        {
            await BeginForCodeAsync(turn, EditCommitmentDialog.DialogId, code, cancellationToken);
        }
        else if ((CommandText.TryMatch(text, CancelCommandWords, out code) || CommandText.TryMatch(text, CancelWords, out code)) && LooksLikeCode(code))
        {
            await BeginForCodeAsync(turn, CancelCommitmentDialog.DialogId, code, cancellationToken);
        }
        else
        {
            return false;
        }

        return true;
    }

    /// <summary>"RA-2027-014" or a near spelling ("ra 2027 014"); a bare "ubah" is left to other handlers.</summary>
    private static bool LooksLikeCode(string argument) =>
        argument.StartsWith("RA", StringComparison.OrdinalIgnoreCase) && argument.Length <= 30;

    private static string NormalizeCode(string argument) =>
        argument.Trim().ToUpperInvariant().Replace(' ', '-').Replace("--", "-", StringComparison.Ordinal);

    private async Task BeginRegisterAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        if (!Access.RequireFokal(turn, out _, out var organisationId))
        {
            return;
        }

        var organisation = organisations.Get(organisationId);
        var state = new RegisterCommitmentDialog.RegisterState { OrganisationId = organisationId, OrganisationName = organisation?.Name ?? string.Empty };
        await dialogs.BeginAsync(turn, RegisterCommitmentDialog.DialogId, state, cancellationToken);
    }

    private async Task BeginForCodeAsync(TurnContext turn, string dialogId, string code, CancellationToken cancellationToken)
    {
        if (Access.RequireFokal(turn, out _, out _))
        {
            await dialogs.BeginAsync(turn, dialogId, NormalizeCode(code), cancellationToken);
        }
    }

    private void List(TurnContext turn)
    {
        if (!Access.RequireFokal(turn, out _, out var organisationId))
        {
            return;
        }

        var english = turn.IsEnglish;
        var organisation = organisations.Get(organisationId)?.Name ?? string.Empty;
        var mine = commitments.ListByOrganisation(organisationId);
        if (mine.Count == 0)
        {
            turn.SendText(turn.F(CommitmentTexts.ListEmpty, organisation), RoleSuggestions.For(turn));
            return;
        }

        var lines = mine.Select(c => turn.F(
            CommitmentTexts.ListLine, c.Code, c.Title, CommitmentFormat.Number(c.TargetValue, english), c.Unit,
            CommitmentFormat.Date(c.Deadline, english), CommitmentFormat.Status(c.Status, english)));
        var suggestions = mine.Where(c => c.Status == CommitmentStatus.Active).Take(5).Select(c => (english ? "show " : "lihat ") + c.Code);
        turn.SendText(turn.F(CommitmentTexts.ListHeader, organisation) + "\n\n" + string.Join("\n", lines), suggestions);
    }

    private void Show(TurnContext turn, string code)
    {
        if (turn.User is not { IsFokal: true } and not { IsCoordinator: true })
        {
            turn.SendText(EnrollmentTexts.FokalOnly);
            return;
        }

        var commitment = lookup.FindForReader(turn, NormalizeCode(code));
        if (commitment is null)
        {
            return;
        }

        var english = turn.IsEnglish;
        var organisation = organisations.Get(commitment.OrganisationId)?.Name ?? string.Empty;
        var text = turn.F(
            CommitmentTexts.Detail, commitment.Code, organisation, commitment.Version, CommitmentFormat.Status(commitment.Status, english),
            CommitmentFormat.Card(CommitmentDraft.From(commitment), english));
        var filed = reports.ListByCommitment(commitment.Id);
        if (filed.Count > 0)
        {
            var states = filed.OrderBy(r => r.Period).Select(r => $"{r.Period} {ReportStateName(r.State, english)} ({CommitmentFormat.Percent(r.RealisationPercent, english)})");
            text += "\n\n" + turn.F(CommitmentTexts.DetailReports, string.Join(", ", states));
        }

        turn.SendText(text);
    }

    internal static string ReportStateName(ReportState state, bool english) => state switch
    {
        ReportState.Draft => english ? "draft" : "draf",
        ReportState.Submitted => english ? "awaiting verification" : "menunggu verifikasi",
        ReportState.Approved => english ? "approved" : "disetujui",
        _ => english ? "returned" : "dikembalikan",
    };
}
