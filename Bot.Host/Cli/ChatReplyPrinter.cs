using System.Text.Json;
using Bot.Dialogs.Activities;
using Bot.Dialogs.Engine;

namespace Bot.Host.Cli;

/// <summary>Writes a bot message for a terminal: its text, a line per attachment, numbered suggested actions.</summary>
internal static class ChatReplyPrinter
{
    public static async Task PrintAsync(Activity reply, TextWriter output)
    {
        if (!string.IsNullOrWhiteSpace(reply.Text))
        {
            // A terminal shows no Markdown: escapes in user text (MarkdownText) print as the characters they escape.
            var lines = MarkdownText.Unescape(reply.Text).ReplaceLineEndings("\n").Split('\n');
            await output.WriteLineAsync("Sinergi: " + lines[0]);
            foreach (var line in lines.Skip(1))
            {
                // Continuation lines line up under the first; blank lines stay blank.
                await output.WriteLineAsync(line.Length == 0 ? line : "         " + line);
            }
        }

        foreach (var attachment in reply.Attachments ?? [])
        {
            await output.WriteLineAsync("  [" + Describe(attachment) + "]");
        }

        var actions = reply.SuggestedActions?.Actions ?? [];
        for (var i = 0; i < actions.Count; i++)
        {
            await output.WriteLineAsync($"  {i + 1}. {actions[i].Title ?? actions[i].SentText}");
        }
    }

    /// <summary>A card's title or text, else the file name or URL, else its content type.</summary>
    private static string Describe(Attachment attachment)
    {
        if (attachment.Content is { ValueKind: JsonValueKind.Object } card)
        {
            foreach (var field in new[] { "title", "text" })
            {
                if (card.TryGetProperty(field, out var value) && value.ValueKind == JsonValueKind.String)
                {
                    return value.GetString()!;
                }
            }
        }

        return attachment.Name ?? attachment.ContentUrl ?? attachment.ContentType ?? "attachment";
    }
}
