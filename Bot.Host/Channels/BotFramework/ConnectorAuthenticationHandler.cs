using System.Net;
using System.Net.Http.Headers;

namespace Bot.Host.Channels.BotFramework;

/// <summary>
/// Puts the bot's token on every Connector call when the bot has credentials (protocol §3.2). A 401 means the
/// token expired or was revoked: it gets one fresh token and one more try, which is not counted as a retry.
/// </summary>
internal sealed class ConnectorAuthenticationHandler(ConnectorTokenProvider tokens) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (!tokens.HasCredentials)
        {
            return await base.SendAsync(request, cancellationToken);
        }

        var token = await tokens.GetTokenAsync(null, cancellationToken);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var response = await base.SendAsync(request, cancellationToken);
        if (response.StatusCode != HttpStatusCode.Unauthorized)
        {
            return response;
        }

        response.Dispose();
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await tokens.GetTokenAsync(token, cancellationToken));
        return await base.SendAsync(request, cancellationToken);
    }
}
