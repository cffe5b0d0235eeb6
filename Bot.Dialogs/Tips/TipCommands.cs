using Bot.Dialogs.Commitments;
using Bot.Dialogs.Engine;
using Bot.Dialogs.Engine.Dialogs;

namespace Bot.Dialogs.Tips;

/// <summary>
/// The tip line's commands, open to everyone without enrolment: "lapor", "lapor narkoba", "laporan warga",
/// "report drugs" (also the main menu's "Lapor narkoba") start <see cref="TipDialog"/>; "cek TIP-…" shows a
/// tip's status; "tambah info TIP-…" adds information. Only exact start phrases are claimed, so
/// "lapor progres" and "lapor RA-2027-014 B6" stay with the progress feature (which also runs first).
/// </summary>
internal sealed class TipCommands(DialogRunner dialogs, TipService tips, PendingTips pending) : ITurnHandler
{
    private static readonly string[] StartWords =
        ["lapor", "lapor narkoba", "laporkan narkoba", "laporan warga", "lapor warga", "report drugs", "report drug", "report a tip", "tip line"];

    // Longer phrases first: CommandText takes the first phrase that prefixes the message.
    private static readonly string[] StatusWords = ["cek status", "cek", "check status", "check", "status"];
    private static readonly string[] FollowUpWords = ["tambah info", "tambah informasi", "tambahkan info", "tambahkan informasi", "add info", "add information"];

    public int Order => 45;

    public async Task<bool> TryHandleAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        if (StartWords.Any(phrase => CommandText.IsExactly(turn.Text, [phrase])))
        {
            turn.MarkConfidential();
            await dialogs.BeginAsync(turn, TipDialog.DialogId, null, cancellationToken);
            return true;
        }

        // A tracking code is as telling as the tip: its checks and follow-ups are confidential turns too.
        if (CommandText.TryMatch(turn.Text, StatusWords, out var code) && LooksLikeCode(code))
        {
            turn.MarkConfidential();
            ShowStatus(turn, code);
            return true;
        }

        if (CommandText.TryMatch(turn.Text, FollowUpWords, out code))
        {
            turn.MarkConfidential();
            await StartFollowUpAsync(turn, code, cancellationToken);
            return true;
        }

        return false;
    }

    private void ShowStatus(TurnContext turn, string code)
    {
        var lookup = tips.Lookup(code, TipDialogPrompts.SenderKey(turn));
        if (lookup.View is not { } view)
        {
            turn.SendText(lookup.Outcome == TipOutcome.RateLimited ? TipTexts.TooMany : TipTexts.NotFound);
            return;
        }

        var english = turn.IsEnglish;
        turn.SendText(turn.F(TipTexts.Status, view.TrackingCode, turn.T(TipDialogTexts.Status(view.Status)), CommitmentFormat.Date(view.UpdatedOn, english)));
    }

    private async Task StartFollowUpAsync(TurnContext turn, string code, CancellationToken cancellationToken)
    {
        if (code.Length == 0)
        {
            turn.SendText(TipDialogTexts.AskCode);
            return;
        }

        // Checked first so nobody types a long text for a mistyped code; the lookup counts against the limit.
        var lookup = tips.Lookup(code, TipDialogPrompts.SenderKey(turn));
        if (lookup.View is not { } view)
        {
            turn.SendText(lookup.Outcome == TipOutcome.RateLimited ? TipTexts.TooMany : TipTexts.NotFound);
            return;
        }

        if (pending.Create(view.TrackingCode) is not { } handle)
        {
            turn.SendText(TipDialogTexts.Busy);
            return;
        }

        await dialogs.BeginAsync(turn, TipFollowUpDialog.DialogId, handle, cancellationToken);
    }

    /// <summary>"cek" is a common word: only claim it when the argument is meant as a tracking code.</summary>
    private static bool LooksLikeCode(string argument) =>
        argument.StartsWith("TIP", StringComparison.OrdinalIgnoreCase) || TrackingCode.Normalize(argument) is not null;
}
