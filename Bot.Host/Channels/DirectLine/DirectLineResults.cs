using System.Text.Json.Serialization;

namespace Bot.Host.Channels.DirectLine;

/// <summary>
/// Response shapes. Errors are problem+json that also carry Direct Line's <c>error {code, message}</c> member,
/// so both a generic HTTP client and a Direct Line client understand them.
/// </summary>
internal static class DirectLineResults
{
    public static IResult Error(int status, string code, string message) => Results.Problem(
        detail: message,
        statusCode: status,
        extensions: new Dictionary<string, object?> { ["error"] = new ErrorBody(code, message) });

    public static IResult MissingToken() => Error(StatusCodes.Status401Unauthorized, "Unauthorized", "Send the Direct Line token as 'Authorization: Bearer <token>'.");

    public static IResult BadArgument(string message) => Error(StatusCodes.Status400BadRequest, "BadArgument", message);

    public static IResult TooLarge(string message) => Error(StatusCodes.Status413PayloadTooLarge, "MessageSizeTooBig", message);

    public static IResult NotFound(string message) => Error(StatusCodes.Status404NotFound, "NotFound", message);

    public static IResult Forbidden(string message) => Error(StatusCodes.Status403Forbidden, "TokenInvalid", message);

    /// <summary>How long a client whose message was not kept is asked to wait before sending it again.</summary>
    public const int NotKeptRetryAfterSeconds = 5;

    /// <summary>
    /// A posted message whose turn was not kept (the server too busy, the storage unable to write, the turn failed
    /// before its commit): 503 with Retry-After, nothing of it stored. Web Chat never got its echo (it is pushed only
    /// after the commit), so the message shows "Send failed" with a Retry link; DirectLineJS swallows a 5xx, so that
    /// happens at Web Chat's send timeout (20 s; directline-3.md §3.5, §5.3).
    /// </summary>
    public static IResult NotKept() => new WithRetryAfter(
        Error(StatusCodes.Status503ServiceUnavailable, "ServiceError", "The message was not kept (the server is busy); send it again in a moment."),
        NotKeptRetryAfterSeconds);

    /// <summary>Raw JSON produced by our own serializer (activity sets are assembled from stored JSON).</summary>
    public static IResult RawJson(string json) => Results.Content(json, "application/json; charset=utf-8");

    private sealed record ErrorBody(string Code, string Message);

    private sealed class WithRetryAfter(IResult inner, int seconds) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return inner.ExecuteAsync(httpContext);
        }
    }
}

/// <summary>The Direct Line <c>Conversation</c> object.</summary>
internal sealed record ConversationResponse(
    [property: JsonPropertyName("conversationId")] string ConversationId,
    [property: JsonPropertyName("token")] string Token,
    [property: JsonPropertyName("expires_in")] int ExpiresIn,
    [property: JsonPropertyName("streamUrl"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? StreamUrl = null);

/// <summary>The Direct Line <c>ResourceResponse</c>.</summary>
internal sealed record ResourceResponse([property: JsonPropertyName("id")] string Id);
