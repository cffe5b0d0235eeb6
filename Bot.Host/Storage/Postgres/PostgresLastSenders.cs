using Bot.Host.Storage.LiteDb;

namespace Bot.Host.Storage.Postgres;

/// <summary>
/// This host's memory of who spoke last in each conversation (the account of the sender's reference, as the turn
/// saved it), so that a turn's first command can read the sender along with the conversation's lock
/// (<see cref="PostgresConversationStateStore"/>). Only a guess: the sender read it brings is used when the turn asks
/// for that same account (<see cref="PostgresUserStore.FindByAccount"/>), and read as before otherwise; a conversation
/// this host has not seen, or one forgotten, costs that read and nothing else.
/// </summary>
internal sealed class PostgresLastSenders
{
    private const int RememberedConversations = 8_192;

    private readonly BoundedCache<string> _accounts = new(RememberedConversations);

    public string? Of(string conversationKey) => _accounts.TryGet(conversationKey, out var account) ? account : null;

    public void Saw(string conversationKey, string account) => _accounts.Set(conversationKey, account);
}
