using Bot.Knowledge.Language;

namespace Bot.Dialogs.Understanding.Entities;

/// <summary>A word of the message as typed (with its place) and its normalised form (zero or more standard words).</summary>
internal sealed record MessageToken(string Text, int Start, IReadOnlyList<string> Words)
{
    public int End => Start + Text.Length;

    /// <summary>The message split at white space, each piece normalised on its own.</summary>
    public static IReadOnlyList<MessageToken> Split(string text)
    {
        var tokens = new List<MessageToken>();
        var i = 0;
        while (i < text.Length)
        {
            while (i < text.Length && char.IsWhiteSpace(text[i]))
            {
                i++;
            }

            var start = i;
            while (i < text.Length && !char.IsWhiteSpace(text[i]))
            {
                i++;
            }

            if (i > start)
            {
                var piece = text[start..i];
                tokens.Add(new MessageToken(piece, start, TextNormalizer.Tokens(piece)));
            }
        }

        return tokens;
    }
}
