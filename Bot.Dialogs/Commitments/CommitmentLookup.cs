using Bot.Dialogs.Domain;
using Bot.Dialogs.Engine;
using Bot.Dialogs.Storage;

namespace Bot.Dialogs.Commitments;

/// <summary>
/// Finds a commitment by code for the sender. A fokal sees only their own OPD's; another OPD's commitment is
/// answered exactly like a missing one, so its existence is not revealed. Coordinators may read every OPD's.
/// </summary>
internal sealed class CommitmentLookup(ICommitmentStore commitments)
{
    public Commitment? FindForFokal(TurnContext turn, string code)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var commitment = code.Length is > 0 and <= 30 ? commitments.FindByCode(code) : null;
        if (commitment is not null && turn.User is { IsFokal: true } user && user.OrganisationId == commitment.OrganisationId)
        {
            return commitment;
        }

        turn.SendText(turn.F(CommitmentTexts.NotFound, Shorten(code)));
        return null;
    }

    public Commitment? FindForReader(TurnContext turn, string code)
    {
        ArgumentNullException.ThrowIfNull(turn);
        if (turn.User is { IsCoordinator: true })
        {
            var commitment = code.Length is > 0 and <= 30 ? commitments.FindByCode(code) : null;
            if (commitment is null)
            {
                turn.SendText(turn.F(CommitmentTexts.NotFound, Shorten(code)));
            }

            return commitment;
        }

        return FindForFokal(turn, code);
    }

    /// <summary>An active commitment the fokal may change, or a message and null.</summary>
    public Commitment? FindChangeable(TurnContext turn, string code)
    {
        var commitment = FindForFokal(turn, code);
        if (commitment is { Status: CommitmentStatus.Cancelled })
        {
            turn.SendText(turn.F(CommitmentTexts.IsCancelled, commitment.Code));
            return null;
        }

        return commitment;
    }

    private static string Shorten(string code) => code.Length > 30 ? code[..30] + "…" : code;
}
