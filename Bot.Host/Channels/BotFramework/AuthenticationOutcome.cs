namespace Bot.Host.Channels.BotFramework;

/// <summary>Whether a request to <c>/api/messages</c> may be processed, and the caller id to stamp on its activity.</summary>
internal sealed record AuthenticationOutcome(bool Succeeded, string? CallerId, string? Failure)
{
    /// <summary>The caller id of activities from Azure Bot Service channels in the public cloud (§3.1 A.8).</summary>
    public const string AzureCallerId = "urn:botframework:azure";

    /// <summary>Authentication is off (no app id): processed, but no caller id.</summary>
    public static AuthenticationOutcome Anonymous { get; } = new(true, null, null);

    public static AuthenticationOutcome Azure { get; } = new(true, AzureCallerId, null);

    public static AuthenticationOutcome Refuse(string reason) => new(false, null, reason);
}
