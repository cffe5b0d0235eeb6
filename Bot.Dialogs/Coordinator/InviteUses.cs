using System.Globalization;
using System.Text.RegularExpressions;
using Bot.Dialogs.Engine;
using Bot.Dialogs.Storage;

namespace Bot.Dialogs.Coordinator;

/// <summary>
/// How many people an invite may enrol, from the end of "undang Dinkes 3 orang" / "undang koordinator untuk 2 orang"
/// / "invite Dinkes 3 people": once when not said.
/// </summary>
internal static partial class InviteUses
{
    /// <summary>The number of uses (1 by default), or null when a number is given outside 1..50; <paramref name="rest"/> is the text before it.</summary>
    public static int? Parse(string argument, out string rest)
    {
        var match = UsesPattern().Match(argument);
        if (!match.Success)
        {
            rest = argument.Trim();
            return 1;
        }

        rest = argument[..match.Index].Trim();
        var uses = int.Parse(match.Groups["n"].Value, CultureInfo.InvariantCulture);
        return uses is >= 1 and <= IInviteCodeStore.MaxUsesLimit ? uses : null;
    }

    public static string Describe(TurnContext turn, int uses) =>
        uses <= 1 ? turn.T(CoordinatorTexts.SingleUse) : turn.F(CoordinatorTexts.LimitedUses, uses);

    [GeneratedRegex(@"\s*(?:untuk\s+|for\s+|x\s*)?(?<n>\d{1,4})\s*(?:orang|kali|x|people|persons|uses|times)?\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 200)]
    private static partial Regex UsesPattern();
}
