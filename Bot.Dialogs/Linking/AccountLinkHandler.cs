using System.Text.RegularExpressions;
using Bot.Dialogs.Engine;
using Bot.Dialogs.Storage;

namespace Bot.Dialogs.Linking;

/// <summary>
/// "tautkan" on any channel issues a one-time code for the current user; "tautkan KODE" on another channel joins
/// that channel account to the same person.
/// </summary>
internal sealed partial class AccountLinkHandler(AccountLinkStore links, UserStore users) : ITurnHandler
{
    /// <summary>A command: before keywords and questions.</summary>
    public int Order => 20;

    public Task<bool> TryHandleAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var match = Command().Match(turn.Text);
        if (!match.Success)
        {
            return Task.FromResult(false);
        }

        var activity = turn.Activity;
        var accountKey = TurnProcessor.UserKey(activity.ChannelId!, activity.From!.Id!);
        if (!match.Groups["code"].Success)
        {
            var user = users.GetOrCreate(accountKey, activity.From.Name, activity.Locale);
            var code = links.Issue(user.Id, accountKey);
            turn.SendText(LinkTexts.Issued.Format(turn.Locale, code));
            return Task.FromResult(true);
        }

        var (outcome, _) = links.Redeem(match.Groups["code"].Value, accountKey);
        turn.SendText(outcome switch
        {
            LinkOutcome.Linked => LinkTexts.Linked,
            LinkOutcome.AlreadyLinked => LinkTexts.AlreadyLinked,
            LinkOutcome.TooManyAttempts => LinkTexts.TooManyAttempts,
            LinkOutcome.AccountHasRole => LinkTexts.HasRole,
            _ => LinkTexts.Invalid,
        });
        return Task.FromResult(true);
    }

    [GeneratedRegex(@"^tautkan(?:\s+(?<code>\S{1,32}))?[.!]?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Command();
}
