using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace Bot.Host.Channels.DirectLine;

/// <summary><c>tokens/generate</c> and <c>tokens/refresh</c>.</summary>
internal static class TokenEndpoints
{
    public static void MapTokenEndpoints(this RouteGroupBuilder group)
    {
        group.MapPost("/tokens/generate", GenerateAsync);
        group.MapPost("/tokens/refresh", RefreshAsync);
    }

    /// <summary>
    /// Creates a conversation and a token for it. A backend sends the configured secret and may name the user. The
    /// page on the same origin calls it without a secret (the local default): its user id comes from the device
    /// cookie (<see cref="DeviceCredentials"/>), so every tab and every restart of that browser is the same person; a
    /// browser without a live device gets a new one. Nobody can pick another person's id.
    /// </summary>
    private static async Task<IResult> GenerateAsync(
        HttpRequest request,
        DirectLineConversations conversations,
        DirectLineTokens tokens,
        DirectLineQuotas quotas,
        DeviceCredentials devices,
        IOptions<DirectLineOptions> options,
        CancellationToken cancellationToken)
    {
        var settings = options.Value;
        string? userId = null;
        string? userName = null;
        var anonymous = false;
        var presented = DirectLineRequests.BearerToken(request);
        if (presented is not null || request.Headers.Authorization.Count > 0)
        {
            if (string.IsNullOrEmpty(settings.Secret) || presented is null || !SameSecret(presented, settings.Secret))
            {
                return DirectLineResults.Forbidden("The secret is not valid.");
            }

            var (body, error) = await DirectLineRequests.ReadObjectAsync(request, settings.MaxActivityBytes, allowEmpty: true, cancellationToken);
            if (error is not null)
            {
                return error;
            }

            (userId, userName, var problem) = ReadUser(body);
            if (problem is not null)
            {
                return DirectLineResults.BadArgument(problem);
            }
        }
        else if (!settings.AllowAnonymousTokens)
        {
            return DirectLineResults.MissingToken();
        }
        else if (!IsSameOrigin(request))
        {
            return DirectLineResults.Forbidden("Tokens without a secret are only given to pages of this site.");
        }
        else if (quotas.RefuseToken(request.HttpContext) is { } tooMany)
        {
            // Each anonymous token is a stored conversation: one address gets a bounded number (issue 14, finding 4).
            return tooMany;
        }
        else
        {
            userId = DeviceUser(request, devices, settings);
            anonymous = true;
        }

        var conversation = conversations.Create(userId, userName, anonymous);
        var issued = tokens.Issue(conversation.Id, conversation.UserId, conversation.UserName);
        return Results.Ok(new ConversationResponse(conversation.Id, issued.Token, issued.ExpiresInSeconds));
    }

    /// <summary>
    /// A new token for the same conversation, unless its device has signed out since ("keluar"): then 403, and the
    /// page starts afresh with a new device.
    /// </summary>
    private static async Task<IResult> RefreshAsync(
        HttpRequest request,
        DirectLineAuth auth,
        DirectLineConversations conversations,
        DirectLineTokens tokens,
        DeviceCredentials devices,
        CancellationToken cancellationToken)
    {
        var access = await auth.CheckAsync(request, conversationId: null, cancellationToken);
        if (access.Refusal is not null)
        {
            return access.Refusal;
        }

        var conversation = access.Conversation!;
        if (devices.IsRevoked(conversation.UserId))
        {
            return DirectLineResults.Forbidden("This device has signed out; generate a new token.");
        }

        conversations.Touch(conversation);
        var issued = tokens.Issue(conversation.Id, conversation.UserId, conversation.UserName);
        return Results.Ok(new ConversationResponse(conversation.Id, issued.Token, issued.ExpiresInSeconds));
    }

    /// <summary>The Direct Line user id of the browser's device; a new device (and cookie) when it has none alive.</summary>
    private static string DeviceUser(HttpRequest request, DeviceCredentials devices, DirectLineOptions settings)
    {
        var secret = DeviceCookie.Read(request);
        if (devices.Use(secret) is { } device)
        {
            DeviceCookie.Write(request.HttpContext.Response, secret!, settings.DeviceLifetime);
            return device.UserId;
        }

        var (fresh, created) = devices.Create();
        DeviceCookie.Write(request.HttpContext.Response, fresh, settings.DeviceLifetime);
        return created.UserId;
    }

    private static (string? Id, string? Name, string? Problem) ReadUser(JsonElement? body)
    {
        if (body is not { } root || !root.TryGetProperty("user", out var user) || user.ValueKind == JsonValueKind.Null)
        {
            return (null, null, null);
        }

        if (user.ValueKind != JsonValueKind.Object)
        {
            return (null, null, "user must be an object.");
        }

        var id = user.TryGetProperty("id", out var idValue) && idValue.ValueKind == JsonValueKind.String ? idValue.GetString() : null;
        var name = user.TryGetProperty("name", out var nameValue) && nameValue.ValueKind == JsonValueKind.String ? nameValue.GetString() : null;
        if (id is not null && (id.Length is 0 or > 64 || !id.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.' or ':' or '@')))
        {
            return (null, null, "user.id must be 1 to 64 letters, digits or _-.:@.");
        }

        return (id, name is { Length: > 100 } ? name[..100] : name, null);
    }

    private static bool SameSecret(string presented, string secret) =>
        CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(presented)), SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    // Browsers send Origin on cross-site POSTs; a page of another site must not mint tokens for its visitors.
    private static bool IsSameOrigin(HttpRequest request)
    {
        var origin = request.Headers.Origin.ToString();
        return string.IsNullOrEmpty(origin)
            || (Uri.TryCreate(origin, UriKind.Absolute, out var uri)
                && string.Equals(uri.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase));
    }
}
