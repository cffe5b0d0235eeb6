namespace Bot.Dialogs.Storage;

/// <summary>
/// The one-time code that makes the first coordinator ("admin KODE"). Only its hash is stored. While unused, a
/// fresh code replaces it at each start (the old one cannot be printed again); once used, none is issued.
/// </summary>
public interface IAdminCodeStore
{
    /// <summary>A new code to print, or null when the first coordinator already used theirs.</summary>
    string? IssueIfUnused();

    /// <summary>Whether the code is the unused bootstrap code (checked before asking the new coordinator's name).</summary>
    bool IsValid(string code);

    /// <summary>Marks the bootstrap code used without a chat (the first coordinator was created on the command line).</summary>
    void Retire(string userId);

    /// <summary>Uses the code once for <paramref name="userId"/>; false when it is wrong or already used.</summary>
    bool TryRedeem(string code, string userId);
}
