namespace Bot.Dialogs.Engine;

/// <summary>Matches typed commands: a keyword phrase at the start of the message, then its argument.</summary>
internal static class CommandText
{
    /// <summary>Longest accepted command message; anything longer is not a command.</summary>
    public const int MaxLength = 300;

    /// <summary>
    /// True when the text is one of <paramref name="phrases"/> (ignoring case and extra spaces) optionally
    /// followed by a space and an argument, which is returned trimmed (empty when absent).
    /// </summary>
    public static bool TryMatch(string text, IEnumerable<string> phrases, out string argument)
    {
        argument = string.Empty;
        if (text.Length > MaxLength)
        {
            return false;
        }

        var normalized = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).TrimEnd('.', '!', '?');
        foreach (var phrase in phrases)
        {
            if (normalized.Equals(phrase, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }

            if (normalized.StartsWith(phrase + " ", StringComparison.OrdinalIgnoreCase))
            {
                argument = normalized[(phrase.Length + 1)..].Trim();
                return true;
            }
        }

        return false;
    }

    /// <summary>True when the text is exactly one of the phrases (no argument).</summary>
    public static bool IsExactly(string text, IEnumerable<string> phrases) =>
        TryMatch(text, phrases, out var argument) && argument.Length == 0;
}
