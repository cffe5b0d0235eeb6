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

    /// <summary>A sum of money ("berapa rupiah", "how much money", "nominalnya"): an amount in rupiah.</summary>
    Money,

    /// <summary>Which article ("pasal berapa", "which article"): a passage that is an article, not a document's summary.</summary>
    Article,
}

/// <summary>
/// An answerability feature that words alone miss: a question asking for a date or a number is not answered by a
/// passage that holds no date or no number, however many of its words the passage shares (the title of a statute
/// does not answer the day it was signed); likewise a sum of money (a reward "premi" named without an amount) and
/// the number of an article (a document the sources hold only as a summary has none). Validated on the bank: every answer-bank question asking for a date or a
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

        // "Pasal berapa …" asks which article: the passage's own citation answers it, if it is an article.
        if (ArticleNumber().IsMatch(normalized))
        {
            return FactKind.Article;
        }

        var asksAmount = words.Contains("berapa") || words.Contains("jumlah") || words.Contains("besar");
        // "Berapa lama … ganti rugi" asks how long one may claim, a time limit, not the sum.
        var asksMoney = asksAmount && Compensation().IsMatch(normalized) && !Duration().IsMatch(normalized);
        if (words.Contains("nominal") || (words.Contains("rupiah") && (asksHowMuch || asksAmount)) || asksMoney)
        {
            return FactKind.Money;
        }

        return words.Contains("berapa") ? FactKind.Number : FactKind.Any;
    }

    /// <summary>Whether the passage (heading, text, elucidation) holds a fact of that kind.</summary>
    public static bool Holds(Passage passage, FactKind kind)
    {
        if (kind == FactKind.Any)
        {
            return true;
        }

        if (kind == FactKind.Article)
        {
            return !string.IsNullOrEmpty(passage.Pasal);
        }

        var text = string.Join('\n', passage.Heading, passage.Text, passage.Explanation);
        return kind switch
        {
            FactKind.Date => DayAndMonth().IsMatch(text),
            FactKind.Money => Money().IsMatch(text),
            _ => Quantity().IsMatch(text),
        };
    }

    [GeneratedRegex(@"\b(pasal|ayat|bab) (berapa|yang mana|mana)\b|\bmana pasal(nya)?\b")]
    private static partial Regex ArticleNumber();

    [GeneratedRegex(@"\b(what|which) (date|day)\b|\bon what date\b", RegexOptions.IgnoreCase)]
    private static partial Regex EnglishDate();

    [GeneratedRegex(@"\b\d{1,2}\s+(januari|februari|maret|april|mei|juni|juli|agustus|september|oktober|november|desember)\b|\b\d{1,2}[-/]\d{1,2}[-/]\d{2,4}\b", RegexOptions.IgnoreCase)]
    private static partial Regex DayAndMonth();

    [GeneratedRegex(@"\d|\b(satu|dua|tiga|empat|lima|enam|tujuh|delapan|sembilan|sepuluh|sebelas|\w+ belas|\w+ puluh|seratus|\w+ ratus|seribu|ribu|juta|miliar|triliun|setengah|sepertiga|separuh|seumur hidup|I|II|III|IV|V)\b")]
    private static partial Regex Quantity();

    /// <summary>Compensation and pay are sums of money: "berapa ganti rugi", "berapa gajinya" ask a sum, like "berapa rupiah".</summary>
    [GeneratedRegex(@"\bganti rugi\b|\bkompensasi\b|\bgaji(nya)?\b|\btunjangan(nya)?\b|\bupah(nya)?\b|\bhonor(nya)?\b")]
    private static partial Regex Compensation();

    /// <summary>A time limit: "berapa lama", "berapa hari", "dalam waktu", "batas waktu".</summary>
    [GeneratedRegex(@"\bberapa (lama|hari|minggu|bulan|tahun|jam)\b|\b(dalam|batas) waktu\b")]
    private static partial Regex Duration();

    [GeneratedRegex(@"\bRp\s?\d|\brupiah\b", RegexOptions.IgnoreCase)]
    private static partial Regex Money();
}
