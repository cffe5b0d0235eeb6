using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.Id;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.Util;

namespace Bot.Knowledge.Retrieval;

/// <summary>
/// Lucene's Indonesian chain (standard tokenizer, lower case, stop words, derivational stemming) with three
/// additions: a narcotics class is one term with its numeral (<see cref="ClassNumeralFilter"/>), chat fillers join
/// the stop words, and nasal-prefixed words also index their root (<see cref="NasalPrefixFilter"/>).
/// </summary>
internal sealed class SinergiAnalyzer : Analyzer
{
    private static readonly CharArraySet StopWords = BuildStopWords();

    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        var source = new StandardTokenizer(TextAnalysis.Version, reader);
        TokenStream stream = new StandardFilter(TextAnalysis.Version, source);
        stream = new LowerCaseFilter(TextAnalysis.Version, stream);
        stream = new ClassNumeralFilter(stream);
        stream = new StopFilter(TextAnalysis.Version, stream, StopWords);
        stream = new NasalPrefixFilter(stream);
        stream = new IndonesianStemFilter(stream, stemDerivational: true);
        stream = new RemoveDuplicatesTokenFilter(stream);
        return new TokenStreamComponents(source, stream);
    }

    private static CharArraySet BuildStopWords()
    {
        var set = new CharArraySet(TextAnalysis.Version, IndonesianAnalyzer.DefaultStopSet, ignoreCase: true);
        foreach (var word in Lexicon.Fillers)
        {
            set.Add(word);
        }

        return set.AsReadOnly();
    }
}
