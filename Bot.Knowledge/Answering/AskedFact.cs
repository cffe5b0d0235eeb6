using System.Text.RegularExpressions;
using Bot.Knowledge.Passages;

namespace Bot.Knowledge.Answering;

/// <summary>The kind of fact a question asks for, when it is a kind a passage either holds or plainly lacks.</summary>
internal enum FactKind
{
    /// <summary>Anything else: a definition, a rule, a procedure, who is responsible.</summary>
    Any,

    /// <summary>A calendar date ("tanggal berapa", "kapan tanggalnya", "what date"): a day and a month.</summary>
    Date,

    /// <summary>A quantity ("berapa", "how much / many / long"): a number.</summary>
    Number,
}

/// <summary>
/// An answerability feature that words alone miss: a question asking for a date or a number is not answered by a
/// passage that holds no date or no number, however many of its words the passage shares (the title of a statute
/// does not answer the day it was signed). Validated on the bank: every answer-bank question asking for a date or a
/// number is keyed to a passage that holds one (<c>AskedFactTests</c>).
/// </summary>
internal static partial class AskedFact
{
    /// <summary>The kind of fact asked for, from the <see cref="Retrieval.RetrievalText">normalised</see> question and its raw text.</summary>
    public static FactKind Of(string normalized, string raw)
    {
        var words = normalized.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var asksHowMuch = words.Contains("berapa") || words.Contains("kapan");
        if ((words.Contains("tanggal") && asksHowMuch) || EnglishDate().IsMatch(raw))
        {
            return FactKind.Date;
        }

        // "Pasal berapa …" asks which article: the passage's own citation answers it.
        return words.Contains("berapa") && !ArticleNumber().IsMatch(normalized) ? FactKind.Number : FactKind.Any;
    }

    /// <summary>Whether the passage (heading, text, elucidation) holds a fact of that kind.</summary>
    public static bool Holds(Passage passage, FactKind kind)
    {
        if (kind == FactKind.Any)
        {
            return true;
        }

        var text = string.Join('\n', passage.Heading, passage.Text, passage.Explanation);
        return kind == FactKind.Date ? DayAndMonth().IsMatch(text) : Quantity().IsMatch(text);
    }

    [GeneratedRegex(@"\b(pasal|ayat|bab) berapa\b")]
    private static partial Regex ArticleNumber();

    [GeneratedRegex(@"\b(what|which) (date|day)\b|\bon what date\b", RegexOptions.IgnoreCase)]
    private static partial Regex EnglishDate();

    [GeneratedRegex(@"\b\d{1,2}\s+(januari|februari|maret|april|mei|juni|juli|agustus|september|oktober|november|desember)\b|\b\d{1,2}[-/]\d{1,2}[-/]\d{2,4}\b", RegexOptions.IgnoreCase)]
    private static partial Regex DayAndMonth();

    [GeneratedRegex(@"\d|\b(satu|dua|tiga|empat|lima|enam|tujuh|delapan|sembilan|sepuluh|sebelas|\w+ belas|\w+ puluh|seratus|\w+ ratus|seribu|ribu|juta|miliar|triliun|setengah|sepertiga|separuh|seumur hidup|I|II|III|IV|V)\b")]
    private static partial Regex Quantity();
}
