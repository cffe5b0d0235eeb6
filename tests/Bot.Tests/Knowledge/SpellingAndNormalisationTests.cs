using Bot.Knowledge.Retrieval;

namespace Bot.Tests.Knowledge;

/// <summary>Typos, English and the statutes' way of writing the narcotics classes meet the sources' words.</summary>
public sealed class SpellingAndNormalisationTests
{
    private static readonly SpellingCorrector Speller = new(["rehabilitasi", "rehabilitasi", "pecandu", "narkotika", "penjara", "golongan", "sabu"]);

    [Theory]
    [InlineData("rehabilitsi", "rehabilitasi")]
    [InlineData("pecnadu", "pecandu")]
    [InlineData("narkotka", "narkotika")]
    [InlineData("penjra", "penjara")]
    [InlineData("soto", "soto")]
    [InlineData("2026", "2026")]
    [InlineData("pecandu", "pecandu")]
    public void UnknownWordsAreCorrectedOnlyWhenAKnownWordIsClose(string word, string expected) =>
        Assert.Equal(expected, Speller.Correct(word));

    [Theory]
    [InlineData("disahkan")]
    [InlineData("pengesahannya")]
    [InlineData("dipenjarakan")]
    [InlineData("bagaimanakah")]
    public void AValidWordBuiltOnAKnownStemIsNeverRewritten(string word)
    {
        // "diserahkan" is one edit from "disahkan"; the sources also say "sah", so "disahkan" is a word, not a typo.
        var speller = new SpellingCorrector(["diserahkan", "diserahkan", "sah", "penjara", "bagaimana", "pengesahan"]);
        Assert.Equal(word, speller.Correct(word));
        Assert.Equal("diserahkan", speller.Correct("diserahkn"));
    }

    [Theory]
    [InlineData("kasih narkoba golongan 3 ke temen", "beri narkoba golongan golongan3 ke teman")]
    [InlineData("gol 1", "golongan golongan1")]
    [InlineData("Class I narcotics", "golongan golongan1 narkotika")]
    [InlineData("golongan tiga", "golongan golongan3")]
    [InlineData("cultivates", "menanam")]
    [InlineData("purchasing", "membeli")]
    [InlineData("ulun kada tahu", "saya tidak tahu")]
    [InlineData("Who appoints the head of BNN?", "siapa mengangkat itu kepala dari bnn")]
    [InlineData("Can foreigners convicted of drug crimes come back?", "boleh warga negara asing dipidana dari narkotika tindak pidana come kembali")]
    public void RetrievalTextNormalisesColloquialEnglishAndClasses(string text, string expected) =>
        Assert.Equal(expected, RetrievalText.Normalize(text));

    [Theory]
    [InlineData("Narkotika Golongan II", "golongan2")]
    [InlineData("narkotika golongan iii bukan tanaman", "golongan3")]
    [InlineData("golongan golongan1", "golongan1")]
    public void TheAnalyzerJoinsAClassToItsNumeral(string text, string term)
    {
        // Alone, "i" and "ii" barely told Pasal 113 (Golongan I) from Pasal 118 (II) and Pasal 123 (III).
        var stems = TextAnalysis.Stems(text);
        Assert.Contains(term, stems);
        Assert.DoesNotContain(stems, s => s is "i" or "ii" or "iii");
    }

    [Theory]
    [InlineData("tugas", "tugas")]
    [InlineData("kucing", "kucing")]
    public void AnIndonesianWordIsNeverReadAsAnInflectedEnglishWord(string word, string expected) =>
        Assert.Equal(expected, RetrievalText.Normalize(word));

    [Theory]
    [InlineData("What is the penalty for a dealer?")]
    [InlineData("Do the parents of an addict have to report it to the police?")]
    public void EnglishFunctionWordsBecomeIndonesianStopWords(string question)
    {
        // Untranslated, "the", "of", "is" counted as words the sources lack and lowered an English question's confidence.
        var words = RetrievalText.Normalize(question).Split(' ');
        var function = words.Where(w => TextAnalysis.Stems(w).Count == 0).ToList();
        Assert.DoesNotContain(words, w => w is "the" or "of" or "is" or "a" or "an" or "to" or "do" or "have" or "it" or "for");
        Assert.True(function.Count >= 3, string.Join(' ', words));
    }

    [Fact]
    public void TheKindOfAnswerAskedForIsAFeature()
    {
        Assert.Contains("?when", RetrievalText.Asks(RetrievalText.Normalize("kapan barang sitaan dimusnahkan")));
        Assert.Contains("?how", RetrievalText.Asks(RetrievalText.Normalize("dengan cara apa barang sitaan dimusnahkan")));
        Assert.Contains("?who", RetrievalText.Asks(RetrievalText.Normalize("who appoints the head of bnn")));
    }
}
