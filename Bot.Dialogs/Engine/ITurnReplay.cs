using Bot.Dialogs.Activities;

namespace Bot.Dialogs.Engine;

/// <summary>
/// A feature's answer to an activity sent again after its turn was committed: the channel repeats an activity when
/// it never got the answer (the host died between the commit and the reply). The turn does not run twice; a replay
/// may give back what the first run said, when losing it would mislead the user (the tip line's receipt).
/// </summary>
public interface ITurnReplay
{
    /// <summary>The replies to give again for <paramref name="activity"/>, or null when this feature has none.</summary>
    TurnReplay? Replay(Activity activity);
}

/// <summary>Replies given again, and whether they are confidential like the turn that first gave them.</summary>
public sealed record TurnReplay(IReadOnlyList<Activity> Replies, bool Confidential);
