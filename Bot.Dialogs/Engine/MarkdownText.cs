using System.Buffers;
using System.Text;

namespace Bot.Dialogs.Engine;

/// <summary>
/// Text that users typed (titles, narratives, OPD names, notes, file names, tip fields), made to show as text inside
/// the bot's Markdown messages when another person reads it (issue 14, finding 14: a fokal's title
/// <c>[Buka dasbor di sini](http://evil.example/masuk)</c> became a live link in the coordinator's web chat).
/// CommonMark lets any ASCII punctuation be escaped with a backslash; this escapes what would start a link, an
/// image, HTML (Web Chat renders it), emphasis, code, a table, a heading, a list or a quote, and breaks what a
/// linkifier would turn into a link (<c>://</c>, <c>//</c>, dots inside a domain). Leading indentation (a code
/// block) is dropped. <see cref="LocalizedText.Format"/> applies it to every text argument, so features do not.
/// </summary>
public static class MarkdownText
{
    // Always escaped: they open links, images, HTML, entities, emphasis, code, tables, headings and attribute blocks.
    private static readonly SearchValues<char> Always = SearchValues.Create("\\`*_[]<>|~&{}#");

    /// <summary>The text escaped so that a Markdown renderer shows it literally; null gives an empty string.</summary>
    public static string Escape(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var lines = text.ReplaceLineEndings("\n").Split('\n');
        var escaped = new StringBuilder(text.Length + 16);
        for (var l = 0; l < lines.Length; l++)
        {
            if (l > 0)
            {
                escaped.Append('\n');
            }

            AppendLine(escaped, lines[l].TrimStart(' ', '\t'));
        }

        return escaped.ToString();
    }

    /// <summary>
    /// The literal text of a Markdown message for a channel that shows no Markdown (the terminal, WhatsApp): every
    /// backslash escape is replaced by the character it escapes.
    /// </summary>
    public static string Unescape(string? markdown)
    {
        if (string.IsNullOrEmpty(markdown) || !markdown.Contains('\\', StringComparison.Ordinal))
        {
            return markdown ?? string.Empty;
        }

        var plain = new StringBuilder(markdown.Length);
        for (var i = 0; i < markdown.Length; i++)
        {
            if (markdown[i] == '\\' && i + 1 < markdown.Length && IsAsciiPunctuation(markdown[i + 1]))
            {
                i++;
            }

            plain.Append(markdown[i]);
        }

        return plain.ToString();
    }

    /// <summary>The characters CommonMark lets a backslash escape.</summary>
    private static bool IsAsciiPunctuation(char c) => c is (>= '!' and <= '/') or (>= ':' and <= '@') or (>= '[' and <= '`') or (>= '{' and <= '~');

    private static void AppendLine(StringBuilder escaped, string line)
    {
        var digitsOnlySoFar = true;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (NeedsEscape(line, i, digitsOnlySoFar))
            {
                escaped.Append('\\');
            }

            escaped.Append(c);
            digitsOnlySoFar &= char.IsAsciiDigit(c);
        }
    }

    private static bool NeedsEscape(string line, int i, bool digitsOnlySoFar)
    {
        var c = line[i];
        if (Always.Contains(c))
        {
            return true;
        }

        var next = i + 1 < line.Length ? line[i + 1] : '\0';
        return c switch
        {
            // At the start of a line: a bullet ("- x"), a rule or heading underline ("---", "==="), an ordered item ("1. x").
            '-' or '+' or '=' => i == 0 && (next is ' ' or '\t' or '\0' || next == c),
            '.' or ')' when i > 0 && digitsOnlySoFar => next is ' ' or '\t' or '\0',

            // What a linkifier reads as a link: "http://…", "//host", "evil.example", "www.x".
            ':' => next == '/',
            '/' => next == '/',
            '.' => i > 0 && char.IsLetterOrDigit(line[i - 1]) && char.IsLetter(next),
            _ => false,
        };
    }
}

/// <summary>
/// A fragment of Markdown the bot made itself (a list of lines, a card, a link it issued), passed as an argument to
/// <see cref="LocalizedText.Format"/> or <see cref="TurnContext.F"/>: it is inserted as it is, while plain text
/// arguments are escaped (<see cref="MarkdownText"/>). User text inside the fragment must already be escaped.
/// </summary>
public sealed record Markdown(string Value)
{
    public override string ToString() => Value;

    public static implicit operator string(Markdown markdown) => markdown?.Value ?? string.Empty;
}
