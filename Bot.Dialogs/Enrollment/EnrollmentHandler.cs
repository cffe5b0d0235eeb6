using Bot.Dialogs.Domain;
using Bot.Dialogs.Engine;
using Bot.Dialogs.Storage;

namespace Bot.Dialogs.Enrollment;

/// <summary>"admin KODE" (first coordinator), "gabung KODE" (fokal of an OPD) and "siapa saya".</summary>
internal sealed class EnrollmentHandler(
    UserStore users, OrganisationStore organisations, InviteCodeStore invites, AdminCodeStore adminCodes, SinergiDatabase database) : ITurnHandler
{
    private static readonly string[] AdminWords = ["admin"];
    private static readonly string[] JoinWords = ["gabung", "join"];
    private static readonly string[] WhoAmIWords = ["siapa saya", "profil saya", "profil", "who am i", "whoami", "my profile"];

    public int Order => 10;

    public Task<bool> TryHandleAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        if (turn.User is null)
        {
            return Task.FromResult(false);
        }

        if (CommandText.TryMatch(turn.Text, AdminWords, out var adminCode) && adminCode.Length > 0)
        {
            RedeemAdminCode(turn, adminCode);
        }
        else if (CommandText.TryMatch(turn.Text, JoinWords, out var inviteCode))
        {
            Join(turn, inviteCode);
        }
        else if (CommandText.IsExactly(turn.Text, WhoAmIWords))
        {
            var user = turn.User;
            var organisation = user.OrganisationId is { } id ? organisations.Get(id) : null;
            var of = organisation is null ? string.Empty : turn.F(EnrollmentTexts.OfOrganisation, organisation.Name);
            turn.SendText(turn.F(EnrollmentTexts.WhoAmI, Access.RoleName(user.Role, turn.IsEnglish), new Markdown(of)));
        }
        else
        {
            return Task.FromResult(false);
        }

        return Task.FromResult(true);
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
