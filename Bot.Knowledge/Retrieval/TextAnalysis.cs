using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Util;

namespace Bot.Knowledge.Retrieval;

/// <summary>
/// The one analyzer (<see cref="SinergiAnalyzer"/>) used to index and to query. Lucene
/// analyzers reuse their token streams per thread, so a single shared instance is safe and allocation-light.
/// </summary>
internal static class TextAnalysis
{
    public const LuceneVersion Version = LuceneVersion.LUCENE_48;

    public static Analyzer Analyzer { get; } = new SinergiAnalyzer();

    /// <summary>The stems of <paramref name="text"/> in order, stop words removed.</summary>
    public static List<string> Stems(string text)
    {
        var stems = new List<string>();
        using var stream = Analyzer.GetTokenStream(IndexFields.All, text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            stems.Add(term.ToString());
        }

        stream.End();
        return stems;
    }
}
