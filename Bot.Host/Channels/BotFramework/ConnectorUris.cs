namespace Bot.Host.Channels.BotFramework;

/// <summary>Connector REST paths relative to a channel's serviceUrl (protocol §2).</summary>
internal static class ConnectorUris
{
    public static bool IsServiceUrl(string? serviceUrl) =>
        Uri.TryCreate(serviceUrl, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);

    /// <summary><c>v3/conversations/{id}/activities</c>, or <c>.../activities/{replyToId}</c> for a reply.</summary>
    public static Uri Activities(string serviceUrl, string conversationId, string? replyToId)
    {
        var path = "v3/conversations/" + Uri.EscapeDataString(conversationId) + "/activities";
        if (!string.IsNullOrEmpty(replyToId))
        {
            path += "/" + Uri.EscapeDataString(replyToId);
        }

        return new Uri(BaseOf(serviceUrl), path);
    }

    /// <summary>
    /// The serviceUrl as a base that keeps its own path: "https://host/teams" must give "https://host/teams/v3/...",
    /// so a missing trailing slash is added before resolving (as the SDK's client does).
    /// </summary>
    private static Uri BaseOf(string serviceUrl) =>
        new(serviceUrl.EndsWith('/') ? serviceUrl : serviceUrl + "/", UriKind.Absolute);
}
