using Bot.Dialogs.Domain;
using Bot.Dialogs.Engine;
using Bot.Dialogs.Engine.Dialogs;
using Bot.Dialogs.Storage;
using Bot.Dialogs.Understanding;

namespace Bot.Dialogs.Enrollment;

/// <summary>
/// "admin KODE" (first coordinator), "gabung KODE" (fokal of an OPD, or coordinator), "siapa saya", and
/// "ubah nama …" / "ubah jabatan …", however worded. Joining asks the person's name and job title (<see cref="JoinDialog"/>).
/// </summary>
internal sealed class EnrollmentHandler(
    IUserStore users, IOrganisationStore organisations, IInviteCodeStore invites, IAdminCodeStore adminCodes, DialogRunner dialogs, TimeProvider time) : IIntentHandler
{
    public async Task HandleAsync(TurnContext turn, Interpretation understood, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(understood);
        if (turn.User is null)
        {
            return;
        }

        // A typed command keeps its argument exactly as typed; otherwise what the understanding step found.
        var code = understood.TypedArgument ?? understood.Entities.Code ?? string.Empty;
        // A new name or title is what is left once the command's usual words are set aside ("ganti nama saya jadi
        // Budi Santoso"), typed or not.
        var value = understood.Entities.Argument ?? understood.TypedArgument ?? string.Empty;
        switch (understood.Intent)
        {
            case Intents.AdminCode when code.Length > 0:
                await RedeemAdminCodeAsync(turn, code, cancellationToken);
                break;
            case Intents.AdminCode:
                turn.SendText(EnrollmentTexts.AdminNeedsCode);
                break;
            case Intents.Join:
                await JoinAsync(turn, code, cancellationToken);
                break;
            case Intents.ChangeName:
                ChangeProfile(turn, value, JoinDialog.MaxName, (u, v) => u.Name = v, EnrollmentTexts.NameUsage, EnrollmentTexts.NameChanged);
                break;
            case Intents.ChangeJobTitle:
                ChangeProfile(turn, value, JoinDialog.MaxJobTitle, (u, v) => u.JobTitle = v, EnrollmentTexts.JobTitleUsage, EnrollmentTexts.JobTitleChanged);
                break;
            default:
                WhoAmI(turn);
                break;
        }
    }

    /// <summary>The code is redeemed at once (its secret is never kept in a draft); then the name and title are asked.</summary>
    private async Task RedeemAdminCodeAsync(TurnContext turn, string code, CancellationToken cancellationToken)
    {
        var user = turn.User!;
        if (user.IsCoordinator)
        {
            turn.SendText(EnrollmentTexts.AlreadyCoordinator);
            return;
        }

        if (!adminCodes.TryRedeem(code, user.Id))
        {
            turn.SendText(EnrollmentTexts.AdminRefused);
            return;
        }

        user.Role = Role.Koordinator;
        user.OrganisationId = null;
        user.RoleSince = time.GetUtcNow().UtcDateTime;
        users.Update(user);

        var state = new JoinDialog.JoinState { Role = Role.Koordinator, AlreadyGranted = true };
        await dialogs.BeginAsync(turn, JoinDialog.DialogId, state, cancellationToken);
    }

    private async Task JoinAsync(TurnContext turn, string code, CancellationToken cancellationToken)
    {
        var user = turn.User!;
        if (code.Length == 0)
        {
            turn.SendText(EnrollmentTexts.JoinNeedsCode);
            return;
        }

        // The same person with the same role again (a second tab, a second try) must not use up a code or appear
        // twice, even when their own use finished the code.
        var stored = invites.Find(code);
        var storedOrganisation = stored is { Role: Role.Fokal } ? organisations.Get(stored.OrganisationId) : null;
        if (stored is not null && ((stored.Role == Role.Koordinator && user.IsCoordinator) || (storedOrganisation is not null && user.IsFokal && user.OrganisationId == storedOrganisation.Id)))
        {
            var what = stored.Role == Role.Koordinator ? turn.T(EnrollmentTexts.AsCoordinator) : turn.F(EnrollmentTexts.AsFokal, storedOrganisation!.Name);
            turn.SendText(turn.F(EnrollmentTexts.AlreadyJoined, new Markdown(what)), RoleSuggestions.For(turn));
            return;
        }

        var invite = invites.FindValid(code);
        var organisation = invite is { Role: Role.Fokal } ? organisations.Get(invite.OrganisationId) : null;
        if (invite is null || (invite.Role == Role.Fokal && organisation is null))
        {
            turn.SendText(EnrollmentTexts.JoinInvalid);
            return;
        }

        if (invite.Role == Role.Fokal && user.IsCoordinator)
        {
            turn.SendText(EnrollmentTexts.JoinCoordinator);
            return;
        }

        var state = new JoinDialog.JoinState
        {
            InviteCode = invite.Id,
            Role = invite.Role,
            OrganisationId = organisation?.Id ?? 0,
            OrganisationName = organisation?.Name ?? string.Empty,
        };
        await dialogs.BeginAsync(turn, JoinDialog.DialogId, state, cancellationToken);
    }

    private void WhoAmI(TurnContext turn)
    {
        var user = turn.User!;
        var english = turn.IsEnglish;
        var organisation = user.OrganisationId is { } id ? organisations.Get(id) : null;
        var of = organisation is null ? string.Empty : turn.F(EnrollmentTexts.OfOrganisation, organisation.Name);
        var text = turn.F(EnrollmentTexts.WhoAmI, Access.RoleName(user.Role, english), new Markdown(of), user.DisplayName(english), user.JobTitle ?? "-");
        turn.SendText(text + "\n\n" + turn.T(EnrollmentTexts.ProfileHint), RoleSuggestions.For(turn));
    }

    private void ChangeProfile(TurnContext turn, string value, int maxLength, Action<BotUser, string> set, LocalizedText usage, LocalizedText done)
    {
        var trimmed = value.Trim();
        if (trimmed.Length == 0 || trimmed.Length > maxLength || !trimmed.Any(char.IsLetter))
        {
            turn.SendText(turn.F(usage, maxLength));
            return;
        }

        var user = users.Get(turn.User!.Id) ?? turn.User!;
        set(user, trimmed);
        users.Update(user);
        turn.User = user;
        turn.SendText(turn.F(done, trimmed));
    }
}
