using Bot.Dialogs.Activities;

namespace Bot.Host.Channels.DirectLine;

/// <summary>
/// A posted activity as stored (its id) and its turn, which ends once the echo and the replies are committed, with
/// whether they were (false: the turn was not kept, <see cref="DirectLineResults.NotKept"/>). The endpoints answer the
/// POST after <see cref="Kept"/>, as Azure's Direct Line answers once the bot has: an acknowledged message is never
/// lost with its host.
/// </summary>
internal sealed record PostedActivity(Activity Echo, Task<bool> Kept);
