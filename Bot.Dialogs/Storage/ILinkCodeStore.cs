using Bot.Dialogs.Linking;

namespace Bot.Dialogs.Storage;

/// <summary>Account-linking codes (by hash) and the failed attempts per account.</summary>
internal interface ILinkCodeStore
{
    /// <summary>Stores the code; earlier codes of the same user are dropped.</summary>
    void Replace(LinkCode code);

    LinkCode? Find(string hash);

    void Delete(string hash);

    LinkAttempts? FindAttempts(string accountKey);

    void SaveAttempts(LinkAttempts attempts);

    void DeleteAttempts(string accountKey);
}
