using System.Text.RegularExpressions;

namespace Bot.Knowledge.Ingestion;

/// <summary>Removes the conversion noise of statute texts: Markdown emphasis, stray underscores, soft breaks.</summary>
internal static partial class TextCleaner
{
    public static string Clean(string line)
    {
        var text = line.Replace("__", " ", StringComparison.Ordinal);
        text = LooseUnderscore().Replace(text, string.Empty);
        text = HyphenBreak().Replace(text, "$1-$2");
        text = SpaceBeforePunctuation().Replace(text, "$1");
        return Whitespace().Replace(text, " ").Trim();
    }

    // "_reagensia diagnostik_" and "_._" are emphasis markers; underscores inside words are kept.
    [GeneratedRegex(@"(?<![\p{L}\p{N}])_|_(?![\p{L}\p{N}])")]
    private static partial Regex LooseUnderscore();

    // "golongan- golongan" is a word broken at a line end in the source.
    [GeneratedRegex(@"(\p{L})- (\p{L})")]
    private static partial Regex HyphenBreak();

    [GeneratedRegex(@"\s+([.,;:])(?=\s|$)")]
    private static partial Regex SpaceBeforePunctuation();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
