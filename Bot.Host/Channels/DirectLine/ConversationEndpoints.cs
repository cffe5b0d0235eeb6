using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace Bot.Host.Channels.DirectLine;

/// <summary>Start (<c>POST conversations</c>) and reconnect (<c>GET conversations/{id}</c>).</summary>
internal static class ConversationEndpoints
{
    public static void MapConversationEndpoints(this RouteGroupBuilder group)
    {
        group.MapPost("/conversations", StartAsync);
        group.MapGet("/conversations/{conversationId}", ReconnectAsync);
    }

    /// <summary>Starts the token's conversation (201), or answers 200 when it was started before.</summary>
    private static async Task<IResult> StartAsync(
        HttpRequest request,
        DirectLineAuth auth,
        DirectLineConversations conversations,
        DirectLineTokens tokens,
        IOptions<DirectLineOptions> options,
        CancellationToken cancellationToken)
    {
        var access = await auth.CheckAsync(request, conversationId: null, cancellationToken);
        if (access.Refusal is not null)
        {
            return access.Refusal;
        }

        var (body, error) = await DirectLineRequests.ReadObjectAsync(request, options.Value.MaxActivityBytes, allowEmpty: true, cancellationToken);
        if (error is not null)
        {
            return error;
        }

        // The user comes from the token (Web Chat adopts the token's user claim); only the locale is read here.
        var locale = body is { } root && root.TryGetProperty("locale", out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;
        var conversation = access.Conversation!;
        var started = conversations.Start(conversation, locale is { Length: > 0 and <= 35 } ? locale : null);
        var response = Describe(request, conversation, tokens, watermark: 0);
        return started ? Results.Json(response, statusCode: StatusCodes.Status201Created) : Results.Ok(response);
    }

    /// <summary>Reconnect: a fresh token and stream URL. A conversation never started is started now.</summary>
    private static async Task<IResult> ReconnectAsync(
        string conversationId,
        string? watermark,
        HttpRequest request,
        DirectLineAuth auth,
        DirectLineConversations conversations,
        DirectLineTokens tokens,
        CancellationToken cancellationToken)
    {
        var access = await auth.CheckAsync(request, conversationId, cancellationToken);
        if (access.Refusal is not null)
        {
            return access.Refusal;
        }

        conversations.Start(access.Conversation!, locale: null);
        return Results.Ok(Describe(request, access.Conversation!, tokens, DirectLineRequests.Watermark(watermark)));
    }

    private static ConversationResponse Describe(HttpRequest request, DirectLineConversation conversation, DirectLineTokens tokens, int watermark)
    {
        var issued = tokens.Issue(conversation.Id, conversation.UserId, conversation.UserName);
        return new ConversationResponse(conversation.Id, issued.Token, issued.ExpiresInSeconds, StreamUrl(request, conversation.Id, issued.Token, watermark));
    }

    /// <summary>An absolute ws:// or wss:// URL: browsers send no Authorization header on a WebSocket, so it carries the token.</summary>
    public static string StreamUrl(HttpRequest request, string conversationId, string token, int watermark)
    {
        var scheme = request.IsHttps ? "wss" : "ws";
        return string.Create(
            CultureInfo.InvariantCulture,
            $"{scheme}://{request.Host}{request.PathBase}{DirectLineChannel.BasePath}/conversations/{Uri.EscapeDataString(conversationId)}/stream?t={Uri.EscapeDataString(token)}&watermark={watermark}");
    }
}
