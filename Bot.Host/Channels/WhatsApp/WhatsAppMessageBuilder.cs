using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Bot.Dialogs.Activities;
using Bot.Dialogs.Engine;

namespace Bot.Host.Channels.WhatsApp;

/// <summary>What one bot activity becomes on WhatsApp: message bodies in order, and a numbering to remember.</summary>
internal sealed record RenderedActivity(IReadOnlyList<JsonObject> Messages, IReadOnlyList<string>? NumberedChoices);

/// <summary>
/// Turns a bot activity into Cloud API message bodies (protocol/whatsapp-cloud.md §3): text in WhatsApp marks,
/// up to three short choices as reply buttons, up to ten as a list, more as numbered lines; files as media links.
/// </summary>
internal static class WhatsAppMessageBuilder
{
    private const int MaxButtons = 3;
    private const int MaxButtonTitle = 20;
    private const int MaxButtonId = 256;
    private const int MaxButtonBody = 1024;
    private const int MaxRows = 10;
    private const int MaxRowTitle = 24;
    private const int MaxRowDescription = 72;
    private const int MaxRowId = 200;

    private static readonly LocalizedText ChooseBody = new("Silakan pilih:", "Please choose:");
    private static readonly LocalizedText ListButton = new("Pilih", "Choose");
    private static readonly LocalizedText NumberHint = new("Balas dengan nomor pilihan Anda.", "Reply with the number of your choice.");

    public static RenderedActivity Render(Activity activity, string to)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (activity.Type != ActivityTypes.Message)
        {
            return new RenderedActivity([], null);
        }

        var text = new StringBuilder(activity.TextFormat == "plain" ? activity.Text ?? string.Empty : WhatsAppMarkdown.Convert(activity.Text));
        var media = new List<JsonObject>();
        var actions = new List<CardAction>(activity.SuggestedActions?.Actions ?? []);
        foreach (var attachment in activity.Attachments ?? [])
        {
            if (Media(attachment, to) is { } message)
            {
                media.Add(message);
                continue;
            }

            var (cardText, cardActions) = CardText.Summarize(attachment);
            AppendParagraph(text, WhatsAppMarkdown.Convert(cardText));
            actions.AddRange(cardActions);
        }

        var (choices, links) = OutgoingChoice.From(actions);
        foreach (var link in links)
        {
            AppendParagraph(text, link);
        }

        var messages = new List<JsonObject>();
        IReadOnlyList<string>? numbered = null;
        var body = text.ToString().Trim();
        if (choices.Count == 0)
        {
            messages.AddRange(WhatsAppMarkdown.Split(body).Select(part => Text(to, part)));
        }
        else if (FitsButtons(choices))
        {
            messages.AddRange(Interactive(to, body, MaxButtonBody, activity.Locale, b => Buttons(b, choices)));
        }
        else if (choices.Count <= MaxRows && choices.All(c => c.Id.Length <= MaxRowId))
        {
            messages.AddRange(Interactive(to, body, WhatsAppMarkdown.MaxTextLength, activity.Locale, b => List(b, choices, activity.Locale)));
        }
        else
        {
            AppendParagraph(text, string.Join("\n", choices.Select((c, i) => string.Create(CultureInfo.InvariantCulture, $"{i + 1}. {c.Title}"))));
            AppendParagraph(text, NumberHint.For(activity.Locale));
            messages.AddRange(WhatsAppMarkdown.Split(text.ToString()).Select(part => Text(to, part)));
            numbered = choices.Select(c => c.Id).ToList();
        }

        // Files go first: the text (and its buttons) is what the user answers, so it stays last on screen.
        return new RenderedActivity([.. media, .. messages], numbered);
    }

    public static JsonObject Text(string to, string body) =>
        Envelope(to, "text", new JsonObject { ["body"] = body, ["preview_url"] = body.Contains("https://", StringComparison.Ordinal) });

    public static JsonObject Envelope(string to, string type, JsonObject content) => new()
    {
        ["messaging_product"] = "whatsapp",
        ["recipient_type"] = "individual",
        ["to"] = to,
        ["type"] = type,
        [type] = content,
    };

    private static bool FitsButtons(List<OutgoingChoice> choices) =>
        choices.Count <= MaxButtons
        && choices.All(c => c.Title.Length is > 0 and <= MaxButtonTitle && c.Id.Length <= MaxButtonId)
        && choices.Select(c => c.Title).Distinct(StringComparer.Ordinal).Count() == choices.Count;

    /// <summary>An interactive body has a length limit and must not be empty: long text goes out first as plain messages.</summary>
    private static IEnumerable<JsonObject> Interactive(string to, string body, int maxBody, string? locale, Func<string, JsonObject> build)
    {
        if (body.Length > maxBody)
        {
            foreach (var part in WhatsAppMarkdown.Split(body))
            {
                yield return Text(to, part);
            }

            body = string.Empty;
        }

        yield return Envelope(to, "interactive", build(body.Length > 0 ? body : ChooseBody.For(locale)));
    }

    private static JsonObject Buttons(string body, List<OutgoingChoice> choices) => new()
    {
        ["type"] = "button",
        ["body"] = new JsonObject { ["text"] = body },
        ["action"] = new JsonObject
        {
            ["buttons"] = new JsonArray([.. choices.Select(c => (JsonNode)new JsonObject
            {
                ["type"] = "reply",
                ["reply"] = new JsonObject { ["id"] = c.Id, ["title"] = c.Title },
            })]),
        },
    };

    private static JsonObject List(string body, List<OutgoingChoice> choices, string? locale) => new()
    {
        ["type"] = "list",
        ["body"] = new JsonObject { ["text"] = body },
        ["action"] = new JsonObject
        {
            ["button"] = ListButton.For(locale),
            ["sections"] = new JsonArray(new JsonObject
            {
                ["rows"] = new JsonArray([.. choices.Select(Row)]),
            }),
        },
    };

    private static JsonNode Row(OutgoingChoice choice)
    {
        var row = new JsonObject { ["id"] = choice.Id, ["title"] = WhatsAppMarkdown.Truncate(choice.Title, MaxRowTitle) };
        if (choice.Title.Length > MaxRowTitle)
        {
            row["description"] = WhatsAppMarkdown.Truncate(choice.Title, MaxRowDescription);
        }

        return row;
    }

    /// <summary>A file the bot can point WhatsApp at (a public https URL); anything else is summarised as text.</summary>
    private static JsonObject? Media(Attachment attachment, string to)
    {
        if (attachment.ContentUrl is not { } url || !url.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var type = attachment.ContentType ?? string.Empty;
        if (type.StartsWith("image/", StringComparison.OrdinalIgnoreCase))
        {
            var image = new JsonObject { ["link"] = url };
            if (attachment.Name is { Length: > 0 } caption)
            {
                image["caption"] = caption;
            }

            return Envelope(to, "image", image);
        }

        var document = new JsonObject { ["link"] = url };
        if (attachment.Name is { Length: > 0 } name)
        {
            document["filename"] = name;
        }

        return Envelope(to, "document", document);
    }

    private static void AppendParagraph(StringBuilder text, string paragraph)
    {
        if (string.IsNullOrWhiteSpace(paragraph))
        {
            return;
        }

        if (text.Length > 0)
        {
            text.Append("\n\n");
        }

        text.Append(paragraph);
    }
}
