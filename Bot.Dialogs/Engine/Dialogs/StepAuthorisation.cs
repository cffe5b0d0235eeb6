using Bot.Dialogs.Domain;
using Bot.Dialogs.Storage;

namespace Bot.Dialogs.Engine.Dialogs;

/// <summary>
/// Who may act on the dialog stack in this turn (issue 14, finding 6): the user who started the open dialogs, and
/// only while they still hold every role those dialogs require. Checked by <see cref="DialogRunner"/> before any
/// step runs, so a feature declares its role once (<see cref="Dialog.RequiredRole"/>) and never re-checks it.
/// </summary>
internal static class StepAuthorisation
{
    /// <summary>Why the acting user may not continue the stack, or <see cref="Verdict.Allowed"/>.</summary>
    public static (Verdict Verdict, Role? Missing) Check(TurnContext turn, IReadOnlyList<DialogFrame> stack, DialogSet dialogs)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var actor = turn.User?.Id;
        if (stack.Any(frame => frame.StartedBy is { } starter && starter != actor))
        {
            return (Verdict.NotTheStarter, null);
        }

        foreach (var frame in stack)
        {
            if (dialogs.Find(frame.DialogId)?.RequiredRole is { } role && !Holds(turn.User, role))
            {
                return (Verdict.RoleMissing, role);
            }
        }

        return (Verdict.Allowed, null);
    }

    /// <summary>True when <paramref name="user"/> may act as <paramref name="role"/> now (a fokal needs an OPD).</summary>
    public static bool Holds(BotUser? user, Role role) => role switch
    {
        Role.Koordinator => user is { IsCoordinator: true },
        Role.Fokal => user is { IsFokal: true },
        _ => true,
    };

    /// <summary>What the user is told when a step needs a role they do not hold.</summary>
    public static LocalizedText Refusal(Role role) => role == Role.Koordinator ? EngineTexts.CoordinatorStep : EngineTexts.FokalStep;

    internal enum Verdict
    {
        Allowed,
        NotTheStarter,
        RoleMissing,
    }
}
