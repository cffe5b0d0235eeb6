using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using Bot.Dialogs.Engine;
using Microsoft.Extensions.Options;
using Polly.Timeout;

namespace Bot.Host.Channels.WhatsApp;

/// <summary>The few Graph API calls the channel makes: send a message, look up a media id, download media.</summary>
internal sealed class GraphClient(IHttpClientFactory httpClients, IOptions<WhatsAppOptions> options)
{
    /// <summary>Media look-ups and downloads: one try each, bounded by <see cref="WhatsAppOptions.GraphTimeout"/>.</summary>
    public const string HttpClientName = "whatsapp-graph";

    /// <summary>Message sends: the client with the rate-limit retries.</summary>
    public const string SendClientName = "whatsapp-graph-send";
    private readonly WhatsAppOptions _options = options.Value;

    /// <summary>
    /// One message to <c>/{version}/{phone_number_id}/messages</c>, rate-limit answers retried by the client's
    /// pipeline (<see cref="GraphSendResilience"/>); never throws for an HTTP or Graph error.
    /// </summary>
    public async Task<GraphSendResult> SendAsync(string phoneNumberId, JsonObject body, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, Endpoint(Uri.EscapeDataString(phoneNumberId) + "/messages"))
        {
            Content = JsonContent.Create(body),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _options.AccessToken);
        try
        {
            using var response = await httpClients.CreateClient(SendClientName).SendAsync(request, cancellationToken);
            var json = await ReadJsonAsync(response, cancellationToken);
            var attempts = ChannelRetryPipeline.AttemptsOf(request);
            if (response.IsSuccessStatusCode && MessageId(json) is { } id)
            {
                return new GraphSendResult((int)response.StatusCode, id, null, null) { Attempts = attempts };
            }

            var error = json?["error"];
            return new GraphSendResult(
                (int)response.StatusCode, null, ErrorCode(json),
                error?["message"]?.GetValueKind() == JsonValueKind.String ? error["message"]!.GetValue<string>() : null) { Attempts = attempts };
        }
        catch (TimeoutRejectedException)
        {
            // The request may have left: Graph has no idempotency key, so this is reported, not repeated.
            return GraphSendResult.Timeout;
        }
        catch (HttpRequestException ex)
        {
            return new GraphSendResult(0, null, null, ex.Message);
        }
    }

    /// <summary>Graph's <c>error.code</c> in an answer's body, when there is one.</summary>
    public static async Task<int?> ReadErrorCodeAsync(HttpResponseMessage response, CancellationToken cancellationToken) =>
        ErrorCode(await ReadJsonAsync(response, cancellationToken));

    /// <summary>Resolves a media id to its short-lived download URL and declared type and size.</summary>
    public async Task<GraphMedia> GetMediaAsync(string mediaId, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, Endpoint(Uri.EscapeDataString(mediaId)));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _options.AccessToken);
        using var response = await httpClients.CreateClient(HttpClientName).SendAsync(request, cancellationToken);
        var json = await ReadJsonAsync(response, cancellationToken);
        if (!response.IsSuccessStatusCode || json?["url"]?.GetValueKind() != JsonValueKind.String)
        {
            throw new HttpRequestException($"Graph refused media {mediaId} with status {(int)response.StatusCode}.", null, response.StatusCode);
        }

        var size = json["file_size"] is { } s && s.GetValueKind() == JsonValueKind.Number ? s.GetValue<long>() : (long?)null;
        var mime = json["mime_type"]?.GetValueKind() == JsonValueKind.String ? json["mime_type"]!.GetValue<string>() : null;
        return new GraphMedia(new Uri(json["url"]!.GetValue<string>()), mime, size);
    }

    /// <summary>Downloads media with the bearer token, refusing more than <paramref name="maxBytes"/>.</summary>
    public async Task<byte[]> DownloadAsync(Uri url, long maxBytes, CancellationToken cancellationToken)
    {
        // The token goes only to https URLs or to the configured Graph origin (a loopback stub in tests).
        if (url.Scheme != Uri.UriSchemeHttps && !string.Equals(url.GetLeftPart(UriPartial.Authority), _options.GraphBaseUrl.GetLeftPart(UriPartial.Authority), StringComparison.OrdinalIgnoreCase))
        {
            throw new HttpRequestException("Refusing to send the access token to a non-https media URL.");
        }

        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _options.AccessToken);
        using var response = await httpClients.CreateClient(HttpClientName).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        response.EnsureSuccessStatusCode();
        if (response.Content.Headers.ContentLength > maxBytes)
        {
            throw new AttachmentTooLargeException(maxBytes);
        }

        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                throw new AttachmentTooLargeException(maxBytes);
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    private Uri Endpoint(string path) =>
        new(_options.GraphBaseUrl.ToString().TrimEnd('/') + "/" + _options.GraphApiVersion + "/" + path);

    private static async Task<JsonNode?> ReadJsonAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        try
        {
            return text.Length == 0 ? null : JsonNode.Parse(text);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static int? ErrorCode(JsonNode? json) =>
        json?["error"]?["code"] is { } code && code.GetValueKind() == JsonValueKind.Number ? code.GetValue<int>() : null;

    private static string? MessageId(JsonNode? json) =>
        json?["messages"] is JsonArray { Count: > 0 } messages && messages[0]?["id"]?.GetValueKind() == JsonValueKind.String
            ? messages[0]!["id"]!.GetValue<string>()
            : null;
}

/// <summary>The outcome of one send: a wamid, or an HTTP status and Graph error code.</summary>
internal sealed record GraphSendResult(int HttpStatus, string? MessageId, int? ErrorCode, string? ErrorMessage)
{
    public static GraphSendResult Timeout { get; } = new(0, null, null, "timed out");

    /// <summary>How many times the message went out (rate-limit answers are retried).</summary>
    public int Attempts { get; init; } = 1;

    public bool Succeeded => MessageId is not null;

    public bool TimedOut => ReferenceEquals(this, Timeout);

    /// <summary>Answers that prove the message was not accepted and ask us to slow down (§5).</summary>
    public bool IsRateLimited => IsRateLimitAnswer(HttpStatus, ErrorCode);

    /// <summary>More than 24 hours since the user last wrote: only a template may go out.</summary>
    public bool IsOutsideWindow => ErrorCode == 131047;

    /// <summary>429 or 503, or one of Graph's throttling codes (4, 80007, 130429, 131056, 131057).</summary>
    public static bool IsRateLimitAnswer(int httpStatus, int? errorCode) =>
        httpStatus is (int)HttpStatusCode.TooManyRequests or (int)HttpStatusCode.ServiceUnavailable
        || errorCode is 4 or 80007 or 130429 or 131056 or 131057;

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"HTTP {HttpStatus}, code {ErrorCode?.ToString(CultureInfo.InvariantCulture) ?? "-"}: {ErrorMessage}");
}

/// <summary>What Graph says about an uploaded media file.</summary>
internal sealed record GraphMedia(Uri Url, string? MimeType, long? FileSize);
