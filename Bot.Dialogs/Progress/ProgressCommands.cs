using Bot.Dialogs.Engine;
using Bot.Dialogs.Engine.Dialogs;
using Bot.Dialogs.Enrollment;
using Bot.Dialogs.Understanding;

namespace Bot.Dialogs.Progress;

/// <summary>
/// Progress reports, however worded: "lapor progres", "lapor RA-2027-014 B6" (the reminders' "Lapor sekarang"
/// button sends the latter), "mau lapor capaian semester 1 ra 2027 14". The code and the period the message names
/// are filled in; the dialog asks for what is missing. Plain "lapor" and "lapor narkoba" belong to the tip line.
/// </summary>
internal sealed class ProgressCommands(DialogRunner dialogs) : IIntentHandler
{
    public async Task HandleAsync(TurnContext turn, Interpretation understood, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(understood);
        if (!Access.RequireFokal(turn, out _, out _))
        {
            return;
        }

        var draft = new ReportProgressDialog.ReportDraft
        {
            Code = understood.Entities.CommitmentCode ?? string.Empty,
            Period = understood.Entities.Period,
        };
        await dialogs.BeginAsync(turn, ReportProgressDialog.DialogId, draft, cancellationToken);
    }
}
