using Bot.Dialogs.Domain;
using Bot.Dialogs.Engine;

namespace Bot.Dialogs.Enrollment;

/// <summary>Role checks that answer the user with a clear refusal when they fail.</summary>
internal static class Access
{
    /// <summary>The fokal and their OPD id, or a refusal sent and false.</summary>
    public static bool RequireFokal(TurnContext turn, out BotUser user, out int organisationId)
    {
        ArgumentNullException.ThrowIfNull(turn);
        user = turn.User!;
        organisationId = user?.OrganisationId ?? 0;
        if (user is { IsFokal: true })
        {
            return true;
        }

        turn.SendText(EnrollmentTexts.FokalOnly);
        return false;
    }

    public static bool RequireCoordinator(TurnContext turn, out BotUser user)
    {
        ArgumentNullException.ThrowIfNull(turn);
        user = turn.User!;
        if (user is { IsCoordinator: true })
        {
            return true;
        }

        turn.SendText(EnrollmentTexts.CoordinatorOnly);
        return false;
    }

    public static string RoleName(Role role, bool english) => role switch
    {
        Role.Koordinator => english ? "Coordinator" : "Koordinator",
        Role.Fokal => english ? "Focal point" : "Fokal",
        _ => english ? "Resident" : "Warga",
    };
}
