using Bot.Dialogs.Activities;

namespace Bot.Dialogs.Storage;

/// <summary>Where each conversation can be reached again (proactive messages), per conversation and per user account.</summary>
public interface IConversationReferenceStore
{
    void Save(ConversationReference reference, string? userKey);

    /// <summary>The write to run in the turn's commit, or null when nothing changed lately.</summary>
    Action? PrepareSave(ConversationReference reference, string? userKey);

    ConversationReference? FindByConversation(string channelId, string conversationId);

    ConversationReference? FindLatestForUser(string userKey);

    /// <summary>The conversation where any of these accounts spoke last, with its conversation key.</summary>
    (ConversationReference Reference, string ConversationKey)? FindLatestForAccounts(IEnumerable<string> accountKeys);

    /// <summary>
    /// For each owner (a user), the conversation where any of their accounts spoke last, with its key; owners with
    /// none are left out. One read for many people (a reminder sweep asks for thousands).
    /// </summary>
    IReadOnlyDictionary<string, (ConversationReference Reference, string ConversationKey)> FindLatestForOwners(IReadOnlyDictionary<string, IReadOnlyList<string>> accountsByOwner);
}

/// <summary>The key of a conversation across channels ("channel|conversation id").</summary>
public static class ConversationKeys
{
    public static string For(string channelId, string conversationId) => channelId + "|" + conversationId;
}

/// <summary>The accounts of several owners turned round: for each account, whose it is.</summary>
public static class AccountOwners
{
    public static ILookup<string, string> ByAccount(IReadOnlyDictionary<string, IReadOnlyList<string>> accountsByOwner)
    {
        ArgumentNullException.ThrowIfNull(accountsByOwner);
        return accountsByOwner
            .SelectMany(p => p.Value.Select(account => (Account: account, Owner: p.Key)))
            .ToLookup(p => p.Account, p => p.Owner, StringComparer.Ordinal);
    }
}
