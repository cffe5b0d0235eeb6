using System.Text.Json;
using System.Text.RegularExpressions;
using Bot.Dialogs.Activities;
using Bot.Dialogs.Engine;

namespace Bot.Host.Cli;

/// <summary>
/// Writes a bot message for a terminal: its text rendered from Markdown (<see cref="TerminalMarkdown"/>), a line per
/// attachment, and the suggested actions as numbered choices. A question that already lists its options as
/// "1. …, 2. …" (a choice prompt does, for channels without buttons) is not listed twice: only the actions beyond
/// that list are added, numbered on from it, so the number typed is the one shown.
/// </summary>
internal static partial class ChatReplyPrinter
{
    public static async Task PrintAsync(Activity reply, TextWriter output, bool ansi = false)
    {
        ArgumentNullException.ThrowIfNull(reply);
        ArgumentNullException.ThrowIfNull(output);
        var actions = reply.SuggestedActions?.Actions ?? [];
        var listed = 0;
        if (!string.IsNullOrWhiteSpace(reply.Text))
        {
            // Escapes in user text (MarkdownText) print as the characters they escape, never as formatting.
            listed = ListedInText(reply.Text, actions);
            var lines = TerminalMarkdown.Render(reply.Text, ansi).Split('\n');
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

        for (var i = listed; i < actions.Count; i++)
        {
            await output.WriteLineAsync($"  {i + 1}. {actions[i].Title ?? actions[i].SentText}");
        }
    }

    /// <summary>How many of the actions the text itself lists, in order, as "1. title", "2. title", …</summary>
    private static int ListedInText(string text, IReadOnlyList<CardAction> actions)
    {
        var numbered = NumberedLine().Matches(text)
            .ToDictionary(m => int.Parse(m.Groups["n"].Value, System.Globalization.CultureInfo.InvariantCulture), m => MarkdownText.Unescape(m.Groups["title"].Value.Trim()));
        var count = 0;
        while (count < actions.Count && numbered.TryGetValue(count + 1, out var title) && title == (actions[count].Title ?? actions[count].SentText))
        {
            count++;
        }

        return count;
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

        return attachment.Name is { } name && attachment.ContentUrl is { } url && url.StartsWith("http", StringComparison.OrdinalIgnoreCase)
            ? $"{name}: {url}"
            : attachment.Name ?? attachment.ContentUrl ?? attachment.ContentType ?? "attachment";
    }

    [GeneratedRegex(@"^(?<n>\d{1,2})\. (?<title>.+)$", RegexOptions.Multiline)]
    private static partial Regex NumberedLine();
}
