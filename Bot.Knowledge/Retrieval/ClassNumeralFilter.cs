using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace Bot.Knowledge.Retrieval;

/// <summary>
/// Joins a narcotics class to its word: after "golongan", the numeral ("i", "ii", "iii", "1", "2", "3", "satu",
/// "dua", "tiga") becomes one term, "golongan1" to "golongan3". Alone, "i" and "ii" are short, common terms (list
/// markers, Roman numerals of chapters) that barely tell Pasal 113 (Golongan I) from Pasal 118 (II) and Pasal 123 (III),
/// so a question about one class was answered from the article of another; joined, the class weighs like a word.
/// Questions get the joined term from <see cref="RetrievalText"/> (the query is stemmed word by word, so the filter
/// alone would not see "golongan" before the numeral there).
/// </summary>
internal sealed class ClassNumeralFilter : TokenFilter
{
    private readonly ICharTermAttribute _term;
    private bool _afterClassWord;

    public ClassNumeralFilter(TokenStream input)
        : base(input)
    {
        _term = AddAttribute<ICharTermAttribute>();
    }

    public override bool IncrementToken()
    {
        if (!m_input.IncrementToken())
        {
            return false;
        }

        var word = _term.ToString();
        if (_afterClassWord && Number(word) is { } number)
        {
            _term.SetEmpty().Append(Term(number));
        }

        _afterClassWord = string.Equals(word, "golongan", StringComparison.Ordinal);
        return true;
    }

    public override void Reset()
    {
        base.Reset();
        _afterClassWord = false;
    }

    /// <summary>The joined term of class 1, 2 or 3: "golongan1".</summary>
    public static string Term(char number) => "golongan" + number;

    /// <summary>The class a numeral after "golongan" names ('1' to '3'), or null.</summary>
    public static char? Number(string word) => word switch
    {
        "i" or "1" or "satu" => '1',
        "ii" or "2" or "dua" => '2',
        "iii" or "3" or "tiga" => '3',
        _ => null,
    };
}
