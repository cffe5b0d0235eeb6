using Bot.Dialogs.Engine;
using Bot.Dialogs.Storage;
using Bot.Dialogs.Understanding;

namespace Bot.Dialogs.Linking;

/// <summary>
/// "tautkan" on any channel issues a one-time code for the current user; "tautkan KODE" on another channel joins
/// that channel account to the same person.
/// </summary>
internal sealed class AccountLinkHandler(AccountLinkStore links, IUserStore users) : IIntentHandler
{
    public Task HandleAsync(TurnContext turn, Interpretation understood, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(understood);
        var activity = turn.Activity;
        var accountKey = TurnProcessor.UserKey(activity.ChannelId!, activity.From!.Id!);
        var typed = understood.TypedArgument is { Length: > 0 } argument ? argument : null;
        if ((typed ?? understood.Entities.Code) is not { } redeem)
        {
            var user = users.GetOrCreate(accountKey, activity.From.Name, activity.Locale);
            var code = links.Issue(user.Id, accountKey);
            turn.SendText(LinkTexts.Issued.Format(turn.Locale, code));
            return Task.CompletedTask;
        }

        var (outcome, _) = links.Redeem(redeem, accountKey);
        turn.SendText(outcome switch
        {
            LinkOutcome.Linked => LinkTexts.Linked,
            LinkOutcome.AlreadyLinked => LinkTexts.AlreadyLinked,
            LinkOutcome.TooManyAttempts => LinkTexts.TooManyAttempts,
            LinkOutcome.AccountHasRole => LinkTexts.HasRole,
            _ => LinkTexts.Invalid,
        });
        return Task.CompletedTask;
    }
}
