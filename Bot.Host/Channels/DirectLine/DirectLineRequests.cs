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
        var (bytes, error) = await ReadBodyAsync(request, maxBytes, cancellationToken);
        if (error is not null)
        {
            return (null, error);
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

    /// <summary>
    /// The posted activity, read straight from the body's bytes as /api/messages reads it (no document in between:
    /// a pass of the reader checks that the body is one JSON object, then it is deserialised once), or the 4xx result.
    /// The answers to bad bodies are those of <see cref="ReadObjectAsync"/> followed by <see cref="ToActivity"/>.
    /// </summary>
    public static async Task<(Activity? Activity, IResult? Error)> ReadActivityAsync(HttpRequest request, int maxBytes, CancellationToken cancellationToken)
    {
        var (bytes, error) = await ReadBodyAsync(request, maxBytes, cancellationToken);
        if (error is not null)
        {
            return (null, error);
        }

        if (!IsObject(bytes, out var invalid))
        {
            return (null, DirectLineResults.BadArgument(invalid ? "The body is not valid JSON." : "The body must be a JSON object."));
        }

        Activity? activity;
        try
        {
            activity = JsonSerializer.Deserialize<Activity>(bytes, ActivityJson.Options);
        }
        catch (JsonException ex)
        {
            return (null, DirectLineResults.BadArgument(WrongType(ex)));
        }

        return Checked(activity) is { } problem ? (null, DirectLineResults.BadArgument(problem)) : (activity, null);
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
            return (null, WrongType(ex));
        }

        return Checked(activity) is { } problem ? (null, problem) : (activity, null);
    }

    /// <summary>Why a deserialised body is not an activity that may be posted, or null.</summary>
    private static string? Checked(Activity? activity) => activity switch
    {
        null => "The body must be an activity.",
        { Type: null or "" } => "The activity has no type.",
        { Type: not (ActivityTypes.Message or ActivityTypes.Event or ActivityTypes.Typing) } =>
            "Only message, event and typing activities may be posted.",
        { ChannelData: { } data } when data.ValueKind != JsonValueKind.Object => "channelData must be an object.",
        _ => null,
    };

    private static string WrongType(JsonException ex) =>
        "The activity has a field of the wrong type" + (ex.Path is { } path ? " at " + path : string.Empty) + ".";

    /// <summary>Whether the bytes are one JSON object (within the depth limit); <paramref name="invalid"/> when they are not JSON at all.</summary>
    private static bool IsObject(byte[] bytes, out bool invalid)
    {
        invalid = false;
        if (bytes.AsSpan().Trim(" \t\r\n"u8).IsEmpty)
        {
            return false;
        }

        try
        {
            var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { MaxDepth = DocumentOptions.MaxDepth });
            reader.Read();
            var isObject = reader.TokenType == JsonTokenType.StartObject;
            reader.Skip();
            if (reader.Read())
            {
                invalid = true; // a second value after the first
                return false;
            }

            return isObject;
        }
        catch (JsonException)
        {
            invalid = true;
            return false;
        }
    }

    /// <summary>The body's bytes (at most one past the limit), or the 4xx result to return.</summary>
    private static async Task<(byte[] Bytes, IResult? Error)> ReadBodyAsync(HttpRequest request, int maxBytes, CancellationToken cancellationToken)
    {
        if (request.ContentLength > maxBytes)
        {
            return ([], DirectLineResults.TooLarge($"The body is larger than {maxBytes} bytes."));
        }

        byte[] bytes;
        try
        {
            bytes = await ReadBoundedAsync(request.Body, maxBytes, cancellationToken);
        }
        catch (BadHttpRequestException ex)
        {
            return ([], DirectLineResults.Error(ex.StatusCode, "BadArgument", "The request body could not be read."));
        }

        return bytes.Length > maxBytes ? ([], DirectLineResults.TooLarge($"The body is larger than {maxBytes} bytes.")) : (bytes, null);
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
