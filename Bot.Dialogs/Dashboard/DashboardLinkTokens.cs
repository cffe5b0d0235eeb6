using Bot.Dialogs.Engine.Protection;

namespace Bot.Dialogs.Dashboard;

/// <summary>Writes and reads sign-in link tokens (their own purpose; expiry on the injected clock).</summary>
public sealed class DashboardLinkTokens(ILinkProtector protector)
{
    public const string Purpose = "Sinergi.Dashboard.SignInLink.v1";

    internal string Protect(DashboardLinkToken token) => protector.Protect(Purpose, token.TokenId + "\n" + token.UserId, token.ExpiresAt);

    /// <summary>The token with its state; null unless it is ours, intact and well formed.</summary>
    internal (ProtectedState State, DashboardLinkToken? Token) Read(string? token)
    {
        var read = protector.Unprotect(Purpose, token);
        var parts = read.Payload.Split('\n');
        return read.State == ProtectedState.Invalid || parts is not [{ Length: > 0 } id, { Length: > 0 } user]
            ? (ProtectedState.Invalid, null)
            : (read.State, new DashboardLinkToken(id, user, read.ExpiresAt));
    }
}
