using System.Text.Json;
using Bot.Dialogs.Activities;

namespace Bot.Host.Channels.WhatsApp;

/// <summary>
/// A button the bot offers: <see cref="Id"/> is what the user's tap must send back (the action's value, so that
/// prompts match it like a typed answer) and <see cref="Title"/> is what the user reads.
/// </summary>
internal sealed record OutgoingChoice(string Id, string Title)
{
    /// <summary>The choices among the actions (imBack, postBack, messageBack); openUrl actions become text lines.</summary>
    public static (List<OutgoingChoice> Choices, List<string> Links) From(IEnumerable<CardAction> actions)
    {
        var choices = new List<OutgoingChoice>();
        var links = new List<string>();
        foreach (var action in actions)
        {
            if (action.Type == "openUrl" && action.Value is { ValueKind: JsonValueKind.String } url)
            {
                links.Add((action.Title is { Length: > 0 } t ? t + ": " : string.Empty) + url.GetString());
                continue;
            }

            var id = action.SentText?.Trim();
            if (string.IsNullOrEmpty(id) || choices.Any(c => c.Id == id))
            {
                continue;
            }

            choices.Add(new OutgoingChoice(id, WhatsAppMarkdown.OneLine(action.Title ?? action.DisplayText ?? id)));
        }

        return (choices, links);
    }
}
