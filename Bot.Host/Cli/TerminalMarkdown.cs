using System.Text.RegularExpressions;

namespace Bot.Host.Cli;

/// <summary>
/// Renders the bot's Markdown for a terminal: **bold** and headings in bold, *emphasis* in italics, `code` as is,
/// [links](url) as "text (url)", list dashes as bullets. With <c>ansi</c> off (output redirected, or NO_COLOR set) the
/// marks are simply removed, so piped output is plain text. Hand-written: the bot uses only this small subset, and a
/// Markdown library would render HTML, not a terminal.
/// </summary>
internal static partial class TerminalMarkdown
{
    private const string Bold = "\u001b[1m";
    private const string Italic = "\u001b[3m";
    private const string Reset = "\u001b[0m";

    public static string Render(string markdown, bool ansi)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        var lines = HideEscapes(markdown).ReplaceLineEndings("\n").Split('\n').Select(line => RenderLine(line, ansi));
        return ShowEscapes(string.Join("\n", lines));
    }

    // A backslash-escaped character (user text, escaped by MarkdownText) is literal: it is moved out of the rules'
    // sight into the private-use area while they run, then shown as the character typed, without its backslash.
    private const char Hidden = '\uE000';

    private static string HideEscapes(string markdown)
    {
        if (!markdown.Contains('\\', StringComparison.Ordinal))
        {
            return markdown;
        }

        var hidden = new System.Text.StringBuilder(markdown.Length);
        for (var i = 0; i < markdown.Length; i++)
        {
            if (markdown[i] == '\\' && i + 1 < markdown.Length && IsAsciiPunctuation(markdown[i + 1]))
            {
                hidden.Append((char)(Hidden + markdown[++i]));
            }
            else
            {
                hidden.Append(markdown[i]);
            }
        }

        return hidden.ToString();
    }

    private static bool IsAsciiPunctuation(char c) => c is (>= '!' and <= '/') or (>= ':' and <= '@') or (>= '[' and <= '`') or (>= '{' and <= '~');

    private static string ShowEscapes(string rendered) =>
        string.Create(rendered.Length, rendered, (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                span[i] = source[i] is >= Hidden and < (char)(Hidden + 128) ? (char)(source[i] - Hidden) : source[i];
            }
        });

    private static string RenderLine(string line, bool ansi)
    {
        var heading = Heading().Match(line);
        if (heading.Success)
        {
            return Emphasise(heading.Groups["text"].Value, ansi ? Bold : string.Empty, ansi);
        }

        line = Bullet().Replace(line, "${indent}• ");
        line = Link().Replace(line, m => m.Groups["text"].Value == m.Groups["url"].Value ? m.Groups["url"].Value : $"{m.Groups["text"].Value} ({m.Groups["url"].Value})");
        line = Strong().Replace(line, m => Emphasise(m.Groups["text"].Value, ansi ? Bold : string.Empty, ansi));
        line = Emphasis().Replace(line, m => Emphasise(m.Groups["text"].Value, ansi ? Italic : string.Empty, ansi));
        return Code().Replace(line, "${text}");
    }

    private static string Emphasise(string text, string start, bool ansi) => ansi ? start + text + Reset : text;

    [GeneratedRegex(@"^\s{0,3}#{1,6}\s+(?<text>.+?)\s*#*$")]
    private static partial Regex Heading();

    [GeneratedRegex(@"^(?<indent>\s*)[-*+]\s+")]
    private static partial Regex Bullet();

    [GeneratedRegex(@"\[(?<text>[^\]]+)\]\((?<url>[^)\s]+)\)")]
    private static partial Regex Link();

    [GeneratedRegex(@"\*\*(?<text>[^*]+)\*\*|__(?<text>[^_]+)__")]
    private static partial Regex Strong();

    // A single * or _ that opens after a non-word character and closes before one ("*ya*", "_catatan_"), not "2*3".
    [GeneratedRegex(@"(?<![\w*])[*_](?<text>[^*_\s](?:[^*_]*[^*_\s])?)[*_](?![\w*])")]
    private static partial Regex Emphasis();

    [GeneratedRegex(@"`(?<text>[^`]+)`")]
    private static partial Regex Code();
}
