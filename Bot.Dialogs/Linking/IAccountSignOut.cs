namespace Bot.Dialogs.Linking;

/// <summary>
/// A channel that keeps its own credential for an account (the web chat's device cookie) and revokes it when the
/// person signs out ("keluar"). Called inside the transaction that detaches the account.
/// </summary>
public interface IAccountSignOut
{
    /// <summary>Revokes whatever lets <paramref name="accountKey"/> ("channel|account id") speak again as that account.</summary>
    void SignOut(string accountKey);
}
