using System.Text;
using System.Text.Json;
using Bot.Dialogs.Activities;

namespace Bot.Host.Channels.WhatsApp;

/// <summary>
/// WhatsApp has no cards: a hero card becomes its title and text plus its buttons, an Adaptive Card a text summary
/// of its text blocks and facts plus its URL actions.
/// </summary>
internal static class CardText
{
    public const string HeroCard = "application/vnd.microsoft.card.hero";
    public const string AdaptiveCard = "application/vnd.microsoft.card.adaptive";

    public static (string Text, IReadOnlyList<CardAction> Actions) Summarize(Attachment attachment)
    {
        ArgumentNullException.ThrowIfNull(attachment);
        if (attachment.Content is not { ValueKind: JsonValueKind.Object } content)
        {
            return (string.Empty, []);
        }

        return attachment.ContentType switch
        {
            HeroCard => Hero(content),
            AdaptiveCard => Adaptive(content),
            _ => (string.Empty, []),
        };
    }

    private static (string, IReadOnlyList<CardAction>) Hero(JsonElement card)
    {
        var lines = new[] { Field(card, "title") is { } t ? "**" + t + "**" : null, Field(card, "subtitle"), Field(card, "text") }
            .Where(l => !string.IsNullOrWhiteSpace(l));
        var actions = new List<CardAction>();
        if (card.TryGetProperty("buttons", out var buttons) && buttons.ValueKind == JsonValueKind.Array)
        {
            foreach (var button in buttons.EnumerateArray())
            {
                try
                {
                    if (button.Deserialize<CardAction>(ActivityJson.Options) is { } action)
                    {
                        actions.Add(action);
                    }
                }
                catch (JsonException)
                {
                    // A malformed button is left out; the rest of the card still reads.
                }
            }
        }

        return (string.Join("\n", lines), actions);
    }

    private static (string, IReadOnlyList<CardAction>) Adaptive(JsonElement card)
    {
        var text = new StringBuilder();
        var actions = new List<CardAction>();
        Walk(card, text, actions, depth: 0);
        return (text.ToString().Trim(), actions);
    }

    private static void Walk(JsonElement element, StringBuilder text, List<CardAction> actions, int depth)
    {
        if (depth > 16 || element.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        switch (Field(element, "type"))
        {
            case "TextBlock" when Field(element, "text") is { } t:
                text.Append(t).Append('\n');
                break;
            case "Fact" or null when Field(element, "title") is { } title && Field(element, "value") is { } value:
                text.Append("**").Append(title).Append("**: ").Append(value).Append('\n');
                break;
            case "Action.OpenUrl" when Field(element, "url") is { } url:
                actions.Add(CardAction.OpenUrl(Field(element, "title") ?? url, url));
                break;
        }

        foreach (var name in new[] { "body", "items", "columns", "facts", "actions" })
        {
            if (element.TryGetProperty(name, out var children) && children.ValueKind == JsonValueKind.Array)
            {
                foreach (var child in children.EnumerateArray())
                {
                    Walk(child, text, actions, depth + 1);
                }
            }
        }
    }

    private static string? Field(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
