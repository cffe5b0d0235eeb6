using Bot.Dialogs.Activities;

namespace Bot.Host.Channels.DirectLine;

/// <summary>
/// A posted activity as stored (its id) and its turn, which ends once the echo and the replies are committed (or the
/// turn was not kept). The endpoints answer the POST after <see cref="Turn"/>, as Azure's Direct Line answers once the
/// bot has: an acknowledged message is never lost with its host.
/// </summary>
internal sealed record PostedActivity(Activity Echo, Task Turn);
