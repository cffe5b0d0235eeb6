using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Bot.Host.Channels.WhatsApp;

/// <summary>
/// Bot texts are Markdown; WhatsApp has its own marks (<c>*bold*</c>, <c>_italic_</c>, <c>~strike~</c>) and shows
/// links as plain URLs. Headings become bold lines and list bullets become "•".
/// </summary>
internal static partial class WhatsAppMarkdown
{
    public const int MaxTextLength = 4096;

    public static string Convert(string? markdown)
    {
        if (string.IsNullOrEmpty(markdown))
        {
            return string.Empty;
        }

        // Characters escaped in user text (MarkdownText) are set aside, so that no rule below reads them as marks,
        // and come back as themselves: WhatsApp has no escape of its own.
        var text = Hold(markdown.Replace("\r\n", "\n", StringComparison.Ordinal));
        text = Heading().Replace(text, "**$1**");
        text = Bullet().Replace(text, "$1• ");
        text = Link().Replace(text, m => m.Groups[1].Value == m.Groups[2].Value ? m.Groups[2].Value : m.Groups[1].Value + ": " + m.Groups[2].Value);
        // Italic before bold: a single Markdown asterisk is italic, WhatsApp's single asterisk is bold.
        text = SingleAsteriskItalic().Replace(text, "_$1_");
        text = DoubleAsteriskBold().Replace(text, "*$1*");
        text = DoubleUnderscoreBold().Replace(text, "*$1*");
        text = Strike().Replace(text, "~$1~");
        return Release(text).Trim();
    }

    private const char HeldBase = '\uE000';

    /// <summary>Replaces each backslash escape by a private-use character standing for the escaped one.</summary>
    private static string Hold(string markdown) => Escaped().Replace(markdown, m => ((char)(HeldBase + m.Groups[1].Value[0])).ToString());

    private static string Release(string text) =>
        string.Create(text.Length, text, static (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                span[i] = source[i] is >= HeldBase and < (char)(HeldBase + 128) ? (char)(source[i] - HeldBase) : source[i];
            }
        });

    /// <summary>Cuts a text into WhatsApp-sized pieces, preferring paragraph, then line, then word breaks.</summary>
    public static IReadOnlyList<string> Split(string text, int max = MaxTextLength)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parts = new List<string>();
        var rest = text.Trim();
        while (rest.Length > max)
        {
            var cut = LastBreak(rest, max, "\n\n") ?? LastBreak(rest, max, "\n") ?? LastBreak(rest, max, " ") ?? SafeCut(rest, max);
            parts.Add(rest[..cut].TrimEnd());
            rest = rest[cut..].TrimStart();
        }

        if (rest.Length > 0)
        {
            parts.Add(rest);
        }

        return parts;
    }

    /// <summary>Shortens to at most <paramref name="max"/> UTF-16 units without splitting an emoji, ending with "…".</summary>
    public static string Truncate(string text, int max)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length <= max)
        {
            return text;
        }

        var result = new StringBuilder();
        var elements = StringInfo.GetTextElementEnumerator(text);
        while (elements.MoveNext())
        {
            var element = elements.GetTextElement();
            if (result.Length + element.Length > max - 1)
            {
                break;
            }

            result.Append(element);
        }

        return result.ToString().TrimEnd() + "…";
    }

    /// <summary>Collapses a text onto one line (template parameters may not contain line breaks or tabs).</summary>
    public static string OneLine(string text) => Whitespace().Replace(text, " ").Trim();

    private static int? LastBreak(string text, int max, string separator)
    {
        var at = text.LastIndexOf(separator, max, StringComparison.Ordinal);
        return at > max / 2 ? at : null;
    }

    private static int SafeCut(string text, int max) => char.IsHighSurrogate(text[max - 1]) ? max - 1 : max;

    [GeneratedRegex(@"^#{1,6}[ \t]+(.+?)[ \t]*#*$", RegexOptions.Multiline)]
    private static partial Regex Heading();

    [GeneratedRegex(@"^([ \t]*)[-+*][ \t]+", RegexOptions.Multiline)]
    private static partial Regex Bullet();

    [GeneratedRegex(@"\[([^\]\n]+)\]\((\S+?)\)")]
    private static partial Regex Link();

    [GeneratedRegex(@"(?<![*\w])\*(?!\*)([^*\n]+?)(?<!\*)\*(?![*\w])")]
    private static partial Regex SingleAsteriskItalic();

    [GeneratedRegex(@"\*\*([^\n]+?)\*\*")]
    private static partial Regex DoubleAsteriskBold();

    [GeneratedRegex(@"(?<!\w)__([^\n]+?)__(?!\w)")]
    private static partial Regex DoubleUnderscoreBold();

    [GeneratedRegex(@"~~([^\n]+?)~~")]
    private static partial Regex Strike();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"\\([!-/:-@\[-`{-~])")]
    private static partial Regex Escaped();
}
