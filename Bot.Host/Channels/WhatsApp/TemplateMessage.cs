using System.Text.Json.Nodes;
using Bot.Dialogs.Activities;

namespace Bot.Host.Channels.WhatsApp;

/// <summary>
/// Builds the template send used outside the 24-hour window: the body parameters are filled from the proactive
/// message as configured, and each quick-reply button carries the matching suggested action as its payload, so a
/// tap comes back as that answer.
/// </summary>
internal static class TemplateMessage
{
    public static JsonObject Build(WhatsAppTemplateOptions template, string to, IReadOnlyList<Activity> activities, string? userName)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(activities);
        var texts = activities.Select(a => WhatsAppMarkdown.Convert(a.Text)).Where(t => t.Length > 0).ToList();
        var firstLine = texts.Count > 0 ? texts[0].Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() ?? string.Empty : string.Empty;
        var components = new JsonArray();
        if (template.BodyParameterSources.Count > 0)
        {
            var parameters = template.BodyParameterSources.Select(source => (JsonNode)new JsonObject
            {
                ["type"] = "text",
                ["text"] = Parameter(source switch
                {
                    "firstLine" => firstLine,
                    "name" => userName ?? string.Empty,
                    _ => string.Join(" ", texts),
                }, template.MaxParameterLength),
            });
            components.Add(new JsonObject { ["type"] = "body", ["parameters"] = new JsonArray([.. parameters]) });
        }

        var (choices, _) = OutgoingChoice.From(activities.SelectMany(a => a.SuggestedActions?.Actions ?? []));
        foreach (var (choice, index) in choices.Take(template.QuickReplyButtons).Select((c, i) => (c, i)))
        {
            components.Add(new JsonObject
            {
                ["type"] = "button",
                ["sub_type"] = "quick_reply",
                ["index"] = index.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["parameters"] = new JsonArray(new JsonObject { ["type"] = "payload", ["payload"] = choice.Id }),
            });
        }

        var content = new JsonObject
        {
            ["name"] = template.Name,
            ["language"] = new JsonObject { ["code"] = template.Language },
        };
        if (components.Count > 0)
        {
            content["components"] = components;
        }

        return WhatsAppMessageBuilder.Envelope(to, "template", content);
    }

    /// <summary>Meta refuses parameters that are empty or contain line breaks, tabs or long runs of spaces.</summary>
    private static string Parameter(string value, int max)
    {
        var line = WhatsAppMarkdown.OneLine(value);
        return line.Length == 0 ? "-" : WhatsAppMarkdown.Truncate(line, max);
    }
}
