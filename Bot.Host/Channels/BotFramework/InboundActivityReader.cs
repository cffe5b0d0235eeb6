using System.Text.Json;
using Bot.Dialogs.Activities;
using Microsoft.Extensions.Options;

namespace Bot.Host.Channels.BotFramework;

/// <summary>
/// Reads and checks the body of <c>POST /api/messages</c>. Every way a body can be wrong ends in a
/// <see cref="InboundRead"/> with a 4xx status, never in an exception: bad input is the caller's fault.
/// </summary>
internal sealed class InboundActivityReader(IOptions<BotFrameworkOptions> options)
{
    public async Task<InboundRead> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var limit = options.Value.MaxRequestBytes;
        if (request.ContentLength > limit)
        {
            return InboundRead.Fail(StatusCodes.Status413PayloadTooLarge, $"The activity is larger than {limit} bytes.");
        }

        byte[]? body;
        try
        {
            body = await ReadUpToAsync(request.Body, limit, cancellationToken);
        }
        catch (BadHttpRequestException ex)
        {
            // Kestrel ends a body that arrives too slowly (408) or breaks off (400); the client hears why, briefly.
            return InboundRead.Fail(ex.StatusCode, ex.StatusCode == StatusCodes.Status408RequestTimeout
                ? "The request body did not arrive in time."
                : "The request body could not be read.");
        }

        if (body is null)
        {
            return InboundRead.Fail(StatusCodes.Status413PayloadTooLarge, $"The activity is larger than {limit} bytes.");
        }

        Activity? activity;
        try
        {
            activity = JsonSerializer.Deserialize<Activity>(body, ActivityJson.Options);
        }
        catch (JsonException ex)
        {
            return InboundRead.Fail(StatusCodes.Status400BadRequest, $"The body is not a valid activity: {ex.Message}");
        }
        catch (InvalidOperationException)
        {
            // The reader reports text that is not UTF-8 this way when it cannot transcode a string.
            return InboundRead.Fail(StatusCodes.Status400BadRequest, "The body is not valid UTF-8 JSON.");
        }

        return activity is null
            ? InboundRead.Fail(StatusCodes.Status400BadRequest, "The body must be a JSON object.")
            : Check(activity);
    }

    private static InboundRead Check(Activity activity)
    {
        var missing = new List<string>();
        AddIfBlank(missing, activity.Type, "type");
        AddIfBlank(missing, activity.ChannelId, "channelId");
        AddIfBlank(missing, activity.Conversation?.Id, "conversation.id");
        AddIfBlank(missing, activity.From?.Id, "from.id");
        if (missing.Count > 0)
        {
            return InboundRead.Fail(StatusCodes.Status400BadRequest, "The activity has no " + string.Join(", ", missing) + ".");
        }

        if (ActivityLimits.OverlongIds(activity) is { Count: > 0 } overlong)
        {
            return InboundRead.Fail(
                StatusCodes.Status400BadRequest,
                $"{string.Join(", ", overlong)} must be at most {ActivityLimits.MaxIdBytes} bytes long.");
        }

        // Replies go back to serviceUrl; without a usable one only expectReplies can answer.
        if (!IsExpectReplies(activity) && !ConnectorUris.IsServiceUrl(activity.ServiceUrl))
        {
            return InboundRead.Fail(StatusCodes.Status400BadRequest, "serviceUrl must be an absolute http or https URL.");
        }

        return new InboundRead(activity, StatusCodes.Status200OK, null);
    }

    public static bool IsExpectReplies(Activity activity) =>
        string.Equals(activity.DeliveryMode, "expectReplies", StringComparison.Ordinal);

    private static void AddIfBlank(List<string> missing, string? value, string name)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            missing.Add(name);
        }
    }

    /// <summary>The whole body, or null when it is longer than <paramref name="limit"/> (chunked bodies have no length).</summary>
    private static async Task<byte[]?> ReadUpToAsync(Stream body, int limit, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}

/// <summary>The outcome of reading a request: an activity, or the status and reason to refuse it with.</summary>
internal sealed record InboundRead(Activity? Activity, int Status, string? Problem)
{
    public static InboundRead Fail(int status, string problem) => new(null, status, problem);
}
