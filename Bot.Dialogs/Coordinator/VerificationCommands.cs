using Bot.Dialogs.Engine;
using Bot.Dialogs.Engine.Dialogs;
using Bot.Dialogs.Enrollment;
using Bot.Dialogs.Understanding;

namespace Bot.Dialogs.Coordinator;

/// <summary>"verifikasi" / "verify" and the like: starts the coordinator's review of submitted reports.</summary>
internal sealed class VerificationCommands(DialogRunner dialogs) : IIntentHandler
{
    public async Task HandleAsync(TurnContext turn, Interpretation understood, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        if (Access.RequireCoordinator(turn, out _))
        {
            await dialogs.BeginAsync(turn, VerifyReportsDialog.DialogId, null, cancellationToken);
        }
    }
}
