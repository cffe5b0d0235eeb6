using System.Globalization;
using System.Text.Json;
using Bot.Dialogs.Activities;

namespace Bot.Host.Channels.DirectLine;

/// <summary>Reads request bodies defensively: bounded size, JSON objects only, never an exception to the client.</summary>
internal static class DirectLineRequests
{
    private static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = 32 };

    /// <summary>The body as a JSON object, null when empty and allowed, or the 4xx result to return.</summary>
    public static async Task<(JsonElement? Body, IResult? Error)> ReadObjectAsync(HttpRequest request, int maxBytes, bool allowEmpty, CancellationToken cancellationToken)
    {
        if (request.ContentLength > maxBytes)
        {
            return (null, DirectLineResults.TooLarge($"The body is larger than {maxBytes} bytes."));
        }

        byte[] bytes;
        try
        {
            bytes = await ReadBoundedAsync(request.Body, maxBytes, cancellationToken);
        }
        catch (BadHttpRequestException ex)
        {
            return (null, DirectLineResults.Error(ex.StatusCode, "BadArgument", "The request body could not be read."));
        }

        if (bytes.Length > maxBytes)
        {
            return (null, DirectLineResults.TooLarge($"The body is larger than {maxBytes} bytes."));
        }

        if (bytes.AsSpan().Trim(" \t\r\n"u8).IsEmpty)
        {
            return allowEmpty ? (null, null) : (null, DirectLineResults.BadArgument("The body must be a JSON object."));
        }

        try
        {
            using var document = JsonDocument.Parse(bytes, DocumentOptions);
            return document.RootElement.ValueKind == JsonValueKind.Object
                ? (document.RootElement.Clone(), null)
                : (null, DirectLineResults.BadArgument("The body must be a JSON object."));
        }
        catch (JsonException)
        {
            return (null, DirectLineResults.BadArgument("The body is not valid JSON."));
        }
    }

    /// <summary>An activity from a JSON object, or the reason it is not one.</summary>
    public static (Activity? Activity, string? Problem) ToActivity(JsonElement body)
    {
        Activity? activity;
        try
        {
            activity = body.Deserialize<Activity>(ActivityJson.Options);
        }
        catch (JsonException ex)
        {
            return (null, "The activity has a field of the wrong type" + (ex.Path is { } path ? " at " + path : string.Empty) + ".");
        }

        return activity switch
        {
            null => (null, "The body must be an activity."),
            { Type: null or "" } => (null, "The activity has no type."),
            { Type: not (ActivityTypes.Message or ActivityTypes.Event or ActivityTypes.Typing) } =>
                (null, "Only message, event and typing activities may be posted."),
            { ChannelData: { } data } when data.ValueKind != JsonValueKind.Object => (null, "channelData must be an object."),
            _ => (activity, null),
        };
    }

    /// <summary>A watermark from the query: empty, absent or garbage means the start of the log.</summary>
    public static int Watermark(string? value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var watermark) ? watermark : 0;

    /// <summary>The bearer token of the Authorization header, or null.</summary>
    public static string? BearerToken(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        return header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header[7..].Trim() : null;
    }

    private static async Task<byte[]> ReadBoundedAsync(Stream body, int maxBytes, CancellationToken cancellationToken)
    {
        // One byte past the limit is enough to know it is too large without reading a huge body.
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > maxBytes)
            {
                break;
            }
        }

        return buffer.ToArray();
    }
}
