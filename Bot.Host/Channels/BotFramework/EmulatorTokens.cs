namespace Bot.Host.Channels.BotFramework;

/// <summary>
/// Tokens the Bot Framework Emulator mints with the bot's own credentials (protocol §3.1 B). They are told apart
/// from channel tokens by issuer; the app id is in <c>appid</c> (token version 1.0) or <c>azp</c> (2.0).
/// </summary>
internal static class EmulatorTokens
{
    private static readonly string[] PublicIssuers =
    [
        "https://sts.windows.net/d6d49420-f39b-4df7-a1dc-d59a935871db/",
        "https://login.microsoftonline.com/d6d49420-f39b-4df7-a1dc-d59a935871db/v2.0",
        "https://sts.windows.net/f8cdef31-a31e-4b4a-93e4-5f571e91255a/",
        "https://login.microsoftonline.com/f8cdef31-a31e-4b4a-93e4-5f571e91255a/v2.0",
    ];

    /// <summary>The Emulator issuers, plus the bot's own tenant's for a single-tenant bot.</summary>
    public static IReadOnlyList<string> Issuers(string? tenantId) => string.IsNullOrWhiteSpace(tenantId)
        ? PublicIssuers
        : [.. PublicIssuers, $"https://sts.windows.net/{tenantId}/", $"https://login.microsoftonline.com/{tenantId}/v2.0"];

    /// <summary>The app id the token was issued to, or null when the version is unknown.</summary>
    public static string? AppIdClaimName(string? version) => version switch
    {
        null or "" or "1.0" => "appid",
        "2.0" => "azp",
        _ => null,
    };
}
