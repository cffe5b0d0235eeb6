using System.Text.Json;
using Bot.Dialogs.Activities;
using Bot.Dialogs.Engine;
using Bot.Dialogs.Enrollment;
using Bot.Dialogs.Storage;
using Bot.Dialogs.Understanding;

namespace Bot.Dialogs.Linking;

/// <summary>
/// Signing in on another device and signing out. "kode masuk" gives a one-time code on a channel where the person
/// is known; "masuk KODE" on the new device (or channel) makes that account the same person, with their role and
/// name. A coordinator may issue a code for someone else ("kode masuk Budi", valid a day). "keluar" signs this
/// account out: it stops being that person, and the web chat revokes the device (<see cref="IAccountSignOut"/>).
/// The anonymous tip line never sees any of this: tips are not tied to accounts.
/// </summary>
internal sealed class SignInHandler(
    AccountLinkStore links, PeopleDirectory people, IEnumerable<IAccountSignOut> signOuts, IFormDraftStore drafts) : IIntentHandler
{
    public Task HandleAsync(TurnContext turn, Interpretation understood, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(understood);
        if (turn.User is null)
        {
            return Task.CompletedTask;
        }

        if (understood.Intent == Intents.SignOut)
        {
            SignOut(turn);
        }
        else if (understood.Typed ? understood.TypedPhrase == TypedCommands.SignInWithCode : understood.Entities.Code is not null)
        {
            // "masuk K7M2QX9A" on the new device, or a sentence carrying the code ("masuk pakai kode K7M2QX9A").
            SignIn(turn, understood.Typed ? understood.TypedArgument! : understood.Entities.Code!);
        }
        else
        {
            // "kode masuk [nama]" typed; in a sentence ("sy ganti hp, gmn biar tetap jadi fokal") a code for oneself.
            IssueCode(turn, understood.Typed ? understood.TypedArgument ?? string.Empty : string.Empty);
        }

        return Task.CompletedTask;
    }

    private void IssueCode(TurnContext turn, string person)
    {
        var user = turn.User!;
        var accountKey = AccountKey(turn);
        if (person.Length == 0)
        {
            var own = links.Issue(user.Id, accountKey);
            turn.SendText(turn.F(SignInTexts.OwnCode, own, user.DisplayName(turn.IsEnglish)));
            return;
        }

        if (!Access.RequireCoordinator(turn, out _))
        {
            return;
        }

        var match = people.Find(person);
        if (match.Person is not { } target)
        {
            turn.SendText(match.Candidates.Count == 0
                ? turn.F(SignInTexts.NobodyCalled, Shorten(person))
                : turn.F(SignInTexts.WhichOne, Shorten(person), new Markdown(string.Join("\n", match.Candidates.Take(10).Select(c => "- " + MarkdownText.Escape(people.Describe(c, turn.IsEnglish)))))));
            return;
        }

        var code = links.Issue(target.Id, accountKey, AccountLinkStore.HandedOverLifetime);
        turn.SendText(turn.F(SignInTexts.CodeForPerson, code, people.Describe(target, turn.IsEnglish)));
    }

    private void SignIn(TurnContext turn, string code)
    {
        var (outcome, user) = links.Redeem(code, AccountKey(turn));
        if (outcome is LinkOutcome.Linked or LinkOutcome.AlreadyLinked && user is not null)
        {
            turn.User = user;

            // The person's parked drafts (from another device or channel) are theirs here now: offer "Lanjut".
            turn.Items[RoleSuggestions.DraftsItem] = drafts.ListFor(user.Id).Select(d => (d.FormId, d.ConversationKey)).ToList();
            var role = Access.RoleName(user.Role, turn.IsEnglish);
            var signedIn = turn.Activity.ChannelId switch
            {
                "directline" => SignInTexts.SignedIn,
                "console" => SignInTexts.SignedInTerminal,
                _ => SignInTexts.SignedInChannel,
            };
            turn.SendText(turn.F(signedIn, user.DisplayName(turn.IsEnglish), role), RoleSuggestions.For(turn));
            return;
        }

        turn.SendText(outcome switch
        {
            LinkOutcome.TooManyAttempts => LinkTexts.TooManyAttempts,
            LinkOutcome.AccountHasRole => SignInTexts.AlreadySignedIn,
            _ => SignInTexts.InvalidCode,
        });
    }

    private void SignOut(TurnContext turn)
    {
        var accountKey = AccountKey(turn);
        var english = turn.IsEnglish;
        var name = turn.User!.DisplayName(english);
        var known = turn.User.Role != Domain.Role.Warga || turn.User.Name is not null;
        links.Detach(accountKey);
        foreach (var signOut in signOuts)
        {
            signOut.SignOut(accountKey);
        }

        turn.User = null;
        turn.Send(new Activity
        {
            Type = ActivityTypes.Message,
            TextFormat = "markdown",
            Text = known ? turn.F(SignInTexts.SignedOut, name) : turn.T(SignInTexts.SignedOutAnonymous),
            // The web chat page reads this and starts afresh: a new device, a new conversation.
            ChannelData = JsonSerializer.SerializeToElement(new { sinergi = new { signedOut = true } }),
        });
    }

    private static string AccountKey(TurnContext turn) => TurnProcessor.UserKey(turn.Activity.ChannelId!, turn.Activity.From!.Id!);

    private static string Shorten(string text) => text.Length > 60 ? text[..60] + "…" : text;
}
