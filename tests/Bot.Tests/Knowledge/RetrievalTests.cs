using Bot.Knowledge.Answering;
using Bot.Knowledge.Retrieval;

namespace Bot.Tests.Knowledge;

/// <summary>Paraphrased and colloquial questions (our own wording, not the eval set) find the right article.</summary>
public sealed class RetrievalTests(IngestedCorpusFixture corpus) : IClassFixture<IngestedCorpusFixture>
{
    [Theory]
    [InlineData("Kalau keluarga tahu ada anggota keluarganya kecanduan, ke mana harus dibawa untuk lapor?", "UU 35/2009 Pasal 55", "PP 25/2011 Pasal 4", "PP 25/2011 Pasal 3")]
    [InlineData("brp thn penjara kalo kedapatan nyimpen sabu 3 gram", "UU 35/2009 Pasal 112")]
    [InlineData("Siapa yang berhak menunjuk rumah sakit jadi institusi penerima wajib lapor?", "PP 25/2011 Pasal 4")]
    [InlineData("Apakah negara melindungi orang yang melaporkan bandar narkoba?", "UU 35/2009 Pasal 100", "PP 40/2013 Pasal 35", "PP 40/2013 Pasal 37")]
    [InlineData("Apa saja tugas Badan Narkotika Nasional menurut undang-undang?", "UU 35/2009 Pasal 70")]
    [InlineData("Pecandu yang sudah dewasa tapi sengaja tidak lapor diri kena sanksi apa?", "UU 35/2009 Pasal 134")]
    [InlineData("Apakah data rekam medis selama direhab bakal dibocorkan?", "PP 25/2011 Pasal 16", "PP 25/2011 Pasal 9")]
    [InlineData("Mendagri kebagian tugas apa di rencana aksi nasional narkoba?", "Inpres 2/2020")]
    public void TheRightArticleIsAmongTheTopThree(string question, params string[] expected)
    {
        var result = corpus.Host.Get<PassageSearch>().Search(question, 3);

        var keys = result.Hits.Select(h => h.Passage.CitationKey).ToList();
        Assert.True(keys.Any(k => expected.Contains(k)), $"Expected one of [{string.Join(", ", expected)}] in [{string.Join(", ", keys)}]");
    }

    [Fact]
    public void TheOfficialTextIsRetrievedAlongsideThePack()
    {
        var result = corpus.Host.Get<PassageSearch>().Search("kartu lapor diri berlaku dua kali masa perawatan", 5);

        Assert.Contains(result.Hits, h => h.Passage.CitationKey == "PP 25/2011 Pasal 10" && h.Passage.Source == Bot.Knowledge.Passages.PassageSource.Ingested);
    }

    [Fact]
    public void SlangIsNormalisedBeforeSearching()
    {
        var query = QueryNormalizer.Parse("gw nyabu tp ga mau ketangkep");

        Assert.Contains(query.Concepts, c => c.Word == "sabu" && c.Alternatives.Count > 0);
        Assert.DoesNotContain(query.Concepts, c => c.Word is "gw" or "tp" or "ga");
    }

    [Fact]
    public void NasalPrefixedWordsAlsoIndexTheirRoot()
    {
        Assert.Equal("pakai", NasalPrefixFilter.Root("memakai"));
        Assert.Equal("tanam", NasalPrefixFilter.Root("menanam"));
        Assert.Equal("ketahui", NasalPrefixFilter.Root("mengetahui"));
        Assert.Null(NasalPrefixFilter.Root("menyimpan"));
        // Whatever the stemmer makes of the root, "pemakai" and "pakai" now share a term.
        Assert.NotEmpty(TextAnalysis.Stems("pemakai").Intersect(TextAnalysis.Stems("pakai")));
    }

    [Fact]
    public async Task AnAnswerCitesEveryPassageItQuotes()
    {
        var answer = await corpus.Host.Get<IQuestionAnswerer>().AnswerAsync("Siapa yang menanggung biaya rehabilitasi pecandu yang miskin?", "id-ID", Support.TestContext.Token);

        Assert.Equal(AnswerKind.Answered, answer.Kind);
        Assert.Contains(answer.Citations, c => c.Key == "PP 25/2011 Pasal 22");
        foreach (var citation in answer.Citations)
        {
            Assert.Contains("(" + citation.Key + ")", answer.Text, StringComparison.Ordinal);
        }
    }
}
