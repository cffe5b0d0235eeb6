using System.Security.Cryptography;

namespace Bot.Dialogs.Dashboard;

/// <summary>The content of a sign-in link: a random id (for single use), the user and the expiry.</summary>
internal sealed record DashboardLinkToken(string TokenId, string UserId, DateTimeOffset ExpiresAt)
{
    private const int IdBytes = 16;

    public static string NewId() => Convert.ToHexString(RandomNumberGenerator.GetBytes(IdBytes));
}
