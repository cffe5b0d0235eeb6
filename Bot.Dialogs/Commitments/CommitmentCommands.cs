using Bot.Dialogs.Domain;
using Bot.Dialogs.Engine;
using Bot.Dialogs.Engine.Dialogs;
using Bot.Dialogs.Enrollment;
using Bot.Dialogs.Storage;
using Bot.Dialogs.Understanding;

namespace Bot.Dialogs.Commitments;

/// <summary>
/// The fokal's commitment commands: new, list, show, edit, cancel, however worded (Indonesian and English), with the
/// code read in any spelling. Coordinators may also read any commitment. A command that needs a code and has none
/// asks for it, with the fokal's own codes as buttons.
/// </summary>
internal sealed class CommitmentCommands(
    DialogRunner dialogs,
    ICommitmentStore commitments,
    IProgressReportStore reports,
    IOrganisationStore organisations,
    CommitmentLookup lookup) : IIntentHandler
{
    public async Task HandleAsync(TurnContext turn, Interpretation understood, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(understood);
        var code = CodeOf(understood);
        switch (understood.Intent)
        {
            case Intents.RegisterCommitment:
                await BeginRegisterAsync(turn, cancellationToken);
                break;
            case Intents.ListCommitments:
                List(turn);
                break;
            case Intents.ShowCommitment when code is not null:
                Show(turn, code);
                break;
            case Intents.EditCommitment when code is not null:
                await BeginForCodeAsync(turn, EditCommitmentDialog.DialogId, code, cancellationToken);
                break;
            case Intents.CancelCommitment when code is not null:
                await BeginForCodeAsync(turn, CancelCommitmentDialog.DialogId, code, cancellationToken);
                break;
            default:
                AskForCode(turn, understood.Intent);
                break;
        }
    }

    /// <summary>The code as the understanding step read it; a typed argument it could not read is kept as typed.</summary>
    private static string? CodeOf(Interpretation understood) =>
        understood.Entities.CommitmentCode
        ?? (understood.TypedArgument is { Length: > 0 } typed ? NormalizeCode(typed) : null);

    private static string NormalizeCode(string argument) =>
        argument.Trim().ToUpperInvariant().Replace(' ', '-').Replace("--", "-", StringComparison.Ordinal);

    private void AskForCode(TurnContext turn, string intent)
    {
        if (intent != Intents.ShowCommitment && !Access.RequireFokal(turn, out _, out _))
        {
            return;
        }

        var english = turn.IsEnglish;
        var verb = intent switch
        {
            Intents.EditCommitment => english ? "edit" : "ubah",
            Intents.CancelCommitment => english ? "cancel" : "batalkan",
            _ => english ? "show" : "lihat",
        };
        var mine = turn.User is { IsFokal: true, OrganisationId: { } organisationId }
            ? commitments.ListByOrganisation(organisationId).Where(c => c.Status == CommitmentStatus.Active).Take(5).Select(c => verb + " " + c.Code).ToList()
            : [];
        turn.SendText(turn.F(CommitmentTexts.NeedCode, verb), mine);
    }

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
