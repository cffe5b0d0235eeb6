using System.Collections.Frozen;
using Bot.Knowledge.Language;

namespace Bot.Dialogs.Understanding;

/// <summary>
/// Whether a message is worded as a question: a question mark, or an interrogative word at its start
/// (Indonesian and English). Used only to choose between regulation Q&amp;A and help when no intent is certain,
/// and to let a question interrupt a free-text answer.
/// </summary>
public static class QuestionShape
{
    private static readonly FrozenSet<string> Interrogatives = new[]
    {
        "apa", "apakah", "bagaimana", "bagaimanakah", "kenapa", "mengapa", "siapa", "siapakah", "kapan", "kapankah", "dimana",
        "di", "kemana", "ke", "berapa", "berapakah", "bisakah", "bolehkah", "haruskah", "adakah", "benarkah", "mana",
        "what", "how", "why", "who", "when", "where", "which", "is", "are", "can", "does", "do", "should", "may",
    }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenSet<string> SecondWords = new[] { "mana", "manakah" }.ToFrozenSet(StringComparer.Ordinal);

    public static bool IsQuestion(string text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        if (text.TrimEnd().EndsWith('?'))
        {
            return true;
        }

        var words = TextNormalizer.Tokens(text);
        if (words.Count == 0 || !Interrogatives.Contains(words[0]))
        {
            return false;
        }

        // "di" and "ke" ask only as "di mana" / "ke mana".
        return words[0] is not ("di" or "ke") || (words.Count > 1 && SecondWords.Contains(words[1]));
    }
}
