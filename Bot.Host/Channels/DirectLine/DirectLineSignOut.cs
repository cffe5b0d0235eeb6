using Bot.Dialogs.Linking;

namespace Bot.Host.Channels.DirectLine;

/// <summary>"keluar" in the web chat: the device's credential is revoked, so its cookie no longer brings that person back.</summary>
internal sealed class DirectLineSignOut(DeviceCredentials devices) : IAccountSignOut
{
    private const string Prefix = DirectLineChannel.ChannelId + "|";

    public void SignOut(string accountKey)
    {
        ArgumentNullException.ThrowIfNull(accountKey);
        if (accountKey.StartsWith(Prefix, StringComparison.Ordinal))
        {
            devices.Revoke(accountKey[Prefix.Length..]);
        }
    }
}
