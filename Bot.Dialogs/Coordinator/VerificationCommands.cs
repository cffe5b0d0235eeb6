using Bot.Dialogs.Engine;
using Bot.Dialogs.Engine.Dialogs;
using Bot.Dialogs.Enrollment;

namespace Bot.Dialogs.Coordinator;

/// <summary>"verifikasi" / "verify": starts the coordinator's review of submitted reports.</summary>
internal sealed class VerificationCommands(DialogRunner dialogs) : ITurnHandler
{
    private static readonly string[] Words = ["verifikasi", "verifikasi laporan", "verify", "verify reports"];

    public int Order => 25;

    public async Task<bool> TryHandleAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        if (!CommandText.IsExactly(turn.Text, Words))
        {
            return false;
        }

        if (Access.RequireCoordinator(turn, out _))
        {
            await dialogs.BeginAsync(turn, VerifyReportsDialog.DialogId, null, cancellationToken);
        }

        return true;
    }
}
