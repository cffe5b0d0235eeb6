using System.Globalization;
using System.Text.Json;

namespace Bot.Host.Channels.WhatsApp;

/// <summary>A user's message as it came in the webhook, kept raw for the inbox.</summary>
internal sealed record InboundMessage(
    string Id, string From, string PhoneNumberId, string? ProfileName, DateTimeOffset Timestamp, string Type, string RawJson);

/// <summary>A delivery receipt for one of our messages.</summary>
internal sealed record StatusUpdate(
    string MessageId, string Status, DateTimeOffset Timestamp, string? RecipientId, int? ErrorCode, string? ErrorTitle);

/// <summary>What one webhook POST carried; <see cref="Skipped"/> counts entries too broken to use.</summary>
internal sealed record WebhookBatch(IReadOnlyList<InboundMessage> Messages, IReadOnlyList<StatusUpdate> Statuses, int Skipped);

/// <summary>The body is not JSON, or not shaped like a WhatsApp notification.</summary>
internal sealed class WebhookFormatException(string message) : Exception(message);

/// <summary>
/// Reads a notification defensively (protocol/whatsapp-cloud.md §2): one POST may batch several entries,
/// changes, messages and statuses; unknown fields and types are ignored, not refused, so Meta stops retrying.
/// </summary>
internal static class WebhookPayload
{
    private static readonly JsonDocumentOptions Options = new() { MaxDepth = 64 };

    /// <summary>
    /// Ids, numbers and wamids longer than this (in UTF-8 bytes) are skipped: real ones are well under 100 ASCII
    /// characters, and LiteDB cannot index a key of 1 KB or more (the insert would throw), which a conversation id
    /// made of two such values must stay under.
    /// </summary>
    private const int MaxIdBytes = 256;

    public static WebhookBatch Parse(ReadOnlyMemory<byte> body)
    {
        // The reader does not check the bytes inside strings; decoding them later would throw.
        if (!System.Text.Unicode.Utf8.IsValid(body.Span))
        {
            throw new WebhookFormatException("The body is not valid UTF-8.");
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body, Options);
        }
        catch (JsonException ex)
        {
            throw new WebhookFormatException("The body is not valid JSON: " + ex.Message);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new WebhookFormatException("The body must be a JSON object.");
            }

            var messages = new List<InboundMessage>();
            var statuses = new List<StatusUpdate>();
            var skipped = 0;
            if (String(root, "object") is { } kind && kind != "whatsapp_business_account")
            {
                return new WebhookBatch(messages, statuses, skipped);
            }

            foreach (var entry in Array(root, "entry"))
            {
                foreach (var change in Array(entry, "changes"))
                {
                    if (String(change, "field") != "messages" || !change.TryGetProperty("value", out var value) || value.ValueKind != JsonValueKind.Object)
                    {
                        continue;
                    }

                    skipped += ReadValue(value, messages, statuses);
                }
            }

            return new WebhookBatch(messages, statuses, skipped);
        }
    }

    private static int ReadValue(JsonElement value, List<InboundMessage> messages, List<StatusUpdate> statuses)
    {
        var skipped = 0;
        var phoneNumberId = value.TryGetProperty("metadata", out var metadata) ? Id(metadata, "phone_number_id") : null;
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var contact in Array(value, "contacts"))
        {
            if (String(contact, "wa_id") is { } waId && contact.TryGetProperty("profile", out var profile) && String(profile, "name") is { } name)
            {
                names[waId] = name;
            }
        }

        foreach (var message in Array(value, "messages"))
        {
            var id = Id(message, "id");
            var from = Id(message, "from");
            var type = String(message, "type");
            var timestamp = UnixSeconds(message);
            if (phoneNumberId is null || id is null || from is null || type is null || timestamp is null)
            {
                skipped++;
                continue;
            }

            messages.Add(new InboundMessage(id, from, phoneNumberId, names.GetValueOrDefault(from), timestamp.Value, type, message.GetRawText()));
        }

        foreach (var status in Array(value, "statuses"))
        {
            var id = Id(status, "id");
            var state = String(status, "status");
            var timestamp = UnixSeconds(status);
            if (id is null || state is null || timestamp is null)
            {
                skipped++;
                continue;
            }

            // The errors of one status are details: of the wrong shape, they are dropped, not the whole POST.
            var error = status.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Array
                ? errors.EnumerateArray().FirstOrDefault(e => e.ValueKind == JsonValueKind.Object)
                : default;
            int? code = error.ValueKind == JsonValueKind.Object && error.TryGetProperty("code", out var c) && c.TryGetInt32(out var n) ? n : null;
            var title = error.ValueKind == JsonValueKind.Object ? String(error, "title") : null;
            statuses.Add(new StatusUpdate(id, state, timestamp.Value, String(status, "recipient_id"), code, title));
        }

        return skipped;
    }

    /// <summary>The items of an array property; a missing one is empty, a property of another kind is a format error.</summary>
    internal static IEnumerable<JsonElement> Array(JsonElement owner, string name)
    {
        if (owner.ValueKind != JsonValueKind.Object || !owner.TryGetProperty(name, out var items) || items.ValueKind == JsonValueKind.Null)
        {
            return [];
        }

        return items.ValueKind == JsonValueKind.Array
            ? items.EnumerateArray().Where(i => i.ValueKind == JsonValueKind.Object).ToList()
            : throw new WebhookFormatException($"'{name}' must be an array.");
    }

    /// <summary>A string property; null when missing, of another kind, or not decodable (an escaped lone surrogate).</summary>
    internal static string? String(JsonElement owner, string name)
    {
        if (owner.ValueKind != JsonValueKind.Object || !owner.TryGetProperty(name, out var value) || value.ValueKind != JsonValueKind.String)
        {
            return null;
        }

        try
        {
            return value.GetString();
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    private static string? Id(JsonElement owner, string name) =>
        String(owner, name) is { Length: > 0 and <= MaxIdBytes } id && System.Text.Encoding.UTF8.GetByteCount(id) <= MaxIdBytes ? id : null;

    /// <summary>Meta sends Unix seconds as a string (not milliseconds); a number is accepted too.</summary>
    private static DateTimeOffset? UnixSeconds(JsonElement owner)
    {
        if (!owner.TryGetProperty("timestamp", out var value))
        {
            return null;
        }

        long seconds;
        if (value.ValueKind == JsonValueKind.String && long.TryParse(value.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out var parsed))
        {
            seconds = parsed;
        }
        else if (value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var number))
        {
            seconds = number;
        }
        else
        {
            return null;
        }

        return seconds is >= 0 and <= 253402300799 ? DateTimeOffset.FromUnixTimeSeconds(seconds) : null;
    }
}
