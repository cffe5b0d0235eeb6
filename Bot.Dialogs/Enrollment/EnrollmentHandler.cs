using Bot.Dialogs.Domain;
using Bot.Dialogs.Engine;
using Bot.Dialogs.Storage;
using Bot.Dialogs.Understanding;

namespace Bot.Dialogs.Enrollment;

/// <summary>"admin KODE" (first coordinator), "gabung KODE" (fokal of an OPD) and "siapa saya", however worded.</summary>
internal sealed class EnrollmentHandler(
    UserStore users, OrganisationStore organisations, InviteCodeStore invites, AdminCodeStore adminCodes, SinergiDatabase database) : IIntentHandler
{
    public Task HandleAsync(TurnContext turn, Interpretation understood, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(understood);
        if (turn.User is null)
        {
            return Task.CompletedTask;
        }

        // A typed command keeps its argument exactly as typed; otherwise the code the understanding step found.
        var code = understood.TypedArgument ?? understood.Entities.Code ?? string.Empty;
        switch (understood.Intent)
        {
            case Intents.AdminCode when code.Length > 0:
                RedeemAdminCode(turn, code);
                break;
            case Intents.AdminCode:
                turn.SendText(EnrollmentTexts.AdminNeedsCode);
                break;
            case Intents.Join:
                Join(turn, code);
                break;
            default:
                var user = turn.User;
                var organisation = user.OrganisationId is { } id ? organisations.Get(id) : null;
                var of = organisation is null ? string.Empty : turn.F(EnrollmentTexts.OfOrganisation, organisation.Name);
                turn.SendText(turn.F(EnrollmentTexts.WhoAmI, Access.RoleName(user.Role, turn.IsEnglish), of));
                break;
        }

        return Task.CompletedTask;
    }

    private void RedeemAdminCode(TurnContext turn, string code)
    {
        var user = turn.User!;
        if (user.IsCoordinator)
        {
            turn.SendText(EnrollmentTexts.AlreadyCoordinator);
            return;
        }

        var granted = database.InTransaction(() =>
        {
            if (!adminCodes.TryRedeem(code, user.Id))
            {
                return false;
            }

            user.Role = Role.Koordinator;
            user.OrganisationId = null;
            users.Update(user);
            return true;
        });
        turn.SendText(granted ? EnrollmentTexts.AdminGranted : EnrollmentTexts.AdminRefused);
    }

    private void Join(TurnContext turn, string code)
    {
        var user = turn.User!;
        if (code.Length == 0)
        {
            turn.SendText(EnrollmentTexts.JoinNeedsCode);
            return;
        }

        if (user.IsCoordinator)
        {
            turn.SendText(EnrollmentTexts.JoinCoordinator);
            return;
        }

        var invite = invites.FindValid(code);
        var organisation = invite is null ? null : organisations.Get(invite.OrganisationId);
        if (invite is null || organisation is null)
        {
            turn.SendText(EnrollmentTexts.JoinInvalid);
            return;
        }

        var previous = user.IsFokal && user.OrganisationId != organisation.Id ? organisations.Get(user.OrganisationId!.Value) : null;
        database.InTransaction(() =>
        {
            user.Role = Role.Fokal;
            user.OrganisationId = organisation.Id;
            users.Update(user);
            invites.MarkUsed(invite, user.Id);
        });
        turn.TimeZone = organisation.TimeZone;
        var text = turn.F(EnrollmentTexts.Joined, organisation.Name, organisation.TimeZone);
        turn.SendText(previous is null ? text : text + "\n\n" + turn.F(EnrollmentTexts.Moved, previous.Name));
    }
}
