using System.Globalization;
using System.Text.Json;
using Bot.Dialogs.Activities;
using Bot.Dialogs.Engine;
using Bot.Dialogs.Storage;

namespace Bot.Host.Channels.WhatsApp;

/// <summary>What an inbox row becomes: a turn to run, a message type we cannot read, or nothing (reactions, system notices).</summary>
internal sealed record InboundMapping(Activity? Activity, bool Unsupported, string? Locale = null);

/// <summary>
/// Maps a stored WhatsApp message to an activity (protocol/whatsapp-cloud.md §2.1). Button and list taps send the
/// button id as the text, and the builder makes each id the action's value, so prompts match a tap exactly as
/// they match the same answer typed.
/// </summary>
internal sealed class InboundActivityMapper(IUserStore users, INumberedChoiceStore numbering)
{
    public const string MediaUrlScheme = "whatsapp-media:";
    private static readonly LocalizedText Location = new("Lokasi", "Location");

    public InboundMapping Map(InboxRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        using var document = JsonDocument.Parse(row.Json);
        var message = document.RootElement;
        var locale = users.FindByAccount(TurnProcessor.UserKey(WhatsAppAddress.ChannelId, row.WaId))?.Locale ?? "id-ID";
        var activity = Base(row, message, locale);
        var mapping = row.Type switch
        {
            "text" => Message(activity with { Text = Resolve(row, Nested(message, "text", "body")) }),
            "interactive" => Interactive(row, activity, message),
            "button" when Part(message, "button") is { } button => Message(activity with
            {
                Text = Resolve(row, WebhookPayload.String(button, "payload") ?? WebhookPayload.String(button, "text")),
                Value = button.Clone(),
            }),
            "image" or "document" => Media(row, activity, message),
            "location" => Place(row, activity, message, locale),
            "request_welcome" => Message(activity with
            {
                Type = ActivityTypes.ConversationUpdate,
                MembersAdded = [activity.From!],
            }),
            "reaction" or "system" or "ephemeral" => new InboundMapping(null, Unsupported: false),
            _ => Unsupported(row),
        };
        return mapping.Unsupported ? mapping with { Locale = locale } : mapping;
    }

    private static Activity Base(InboxRow row, JsonElement message, string locale) => new()
    {
        Type = ActivityTypes.Message,
        Id = row.Id,
        Timestamp = DateTimeOffset.FromUnixTimeMilliseconds(row.SentAtMs),
        ChannelId = WhatsAppAddress.ChannelId,
        ServiceUrl = WhatsAppAddress.ServiceUrl,
        From = new ChannelAccount { Id = row.WaId, Name = row.ProfileName, Role = "user" },
        Recipient = new ChannelAccount { Id = row.PhoneNumberId, Name = "Sinergi", Role = "bot" },
        Conversation = new ConversationAccount { Id = row.ConversationId, IsGroup = false, ConversationType = "personal" },
        Locale = locale,
        ChannelData = message.Clone(),
        ReplyToId = Nested(message, "context", "id"),
    };

    private InboundMapping Interactive(InboxRow row, Activity activity, JsonElement message)
    {
        var kind = Nested(message, "interactive", "type");
        if (kind is not ("button_reply" or "list_reply") || Part(message, "interactive") is not { } interactive || Part(interactive, kind) is not { } reply)
        {
            return Unsupported(row);
        }

        var id = WebhookPayload.String(reply, "id");
        var title = WebhookPayload.String(reply, "title");
        return Message(activity with
        {
            Text = Resolve(row, id ?? title),
            Value = JsonSerializer.SerializeToElement(new Dictionary<string, string?> { ["id"] = id, ["title"] = title }),
        });
    }

    private InboundMapping Media(InboxRow row, Activity activity, JsonElement message)
    {
        var media = Part(message, row.Type) ?? default;
        var mediaId = WebhookPayload.String(media, "id");
        if (mediaId is null)
        {
            return Unsupported(row);
        }

        var mime = WebhookPayload.String(media, "mime_type") ?? "application/octet-stream";
        var name = WebhookPayload.String(media, "filename") ?? $"whatsapp-{row.Type}-{mediaId}{Extension(mime)}";
        return Message(activity with
        {
            Text = Resolve(row, WebhookPayload.String(media, "caption")),
            Attachments = [new Attachment { ContentType = mime, ContentUrl = MediaUrlScheme + mediaId, Name = name }],
        });
    }

    private InboundMapping Place(InboxRow row, Activity activity, JsonElement message, string locale)
    {
        if (Part(message, "location") is not { } place || Number(place, "latitude") is not { } latitude || Number(place, "longitude") is not { } longitude)
        {
            return Unsupported(row);
        }

        Resolve(row, null);
        var name = WebhookPayload.String(place, "name");
        var address = WebhookPayload.String(place, "address");
        var label = string.Join(", ", new[] { name, address }.Where(s => !string.IsNullOrWhiteSpace(s)));
        var summary = string.Create(CultureInfo.InvariantCulture, $"{Location.For(locale)}: {(label.Length > 0 ? label + " " : string.Empty)}({latitude:0.######}, {longitude:0.######})");
        var entity = JsonSerializer.SerializeToElement(new Dictionary<string, object?>
        {
            ["type"] = "GeoCoordinates",
            ["latitude"] = latitude,
            ["longitude"] = longitude,
            ["name"] = label.Length > 0 ? label : null,
        });
        return Message(activity with { Text = summary, Entities = [entity] });
    }

    /// <summary>A bare number answers the numbered choices of the last reply; any message ends that numbering.</summary>
    private string? Resolve(InboxRow row, string? text) => numbering.Resolve(row.ConversationId, text) ?? text;

    private InboundMapping Unsupported(InboxRow row)
    {
        Resolve(row, null);
        return new InboundMapping(null, Unsupported: true);
    }

    private static InboundMapping Message(Activity activity) => new(activity, Unsupported: false);

    private static string? Nested(JsonElement message, string outer, string inner) =>
        Part(message, outer) is { } o ? WebhookPayload.String(o, inner) : null;

    private static double? Number(JsonElement owner, string name) =>
        owner.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out var number) ? number : null;

    /// <summary>A nested object, or null when it is missing or not an object (the payload is never trusted).</summary>
    private static JsonElement? Part(JsonElement owner, string name) =>
        owner.ValueKind == JsonValueKind.Object && owner.TryGetProperty(name, out var part) && part.ValueKind == JsonValueKind.Object ? part : null;

    private static string Extension(string mime) => mime switch
    {
        "image/jpeg" => ".jpg",
        "image/png" => ".png",
        "image/webp" => ".webp",
        "application/pdf" => ".pdf",
        _ => string.Empty,
    };
}
