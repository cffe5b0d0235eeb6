using Bot.Knowledge.Answering;
using Bot.Tests.Support;

namespace Bot.Tests.Knowledge;

/// <summary>Answers are plain sentences composed from the passage, never raw statute fragments.</summary>
public sealed class ReadableAnswerTests(IngestedCorpusFixture corpus) : IClassFixture<IngestedCorpusFixture>
{
    [Theory]
    [InlineData("g. menghentikan sementara kegiatan;", "Menghentikan sementara kegiatan.")]
    [InlineData("(2) Kartu lapor diri sebagaimana dimaksud pada ayat (1) berlaku untuk 2 (dua) kali masa perawatan.", "Kartu lapor diri berlaku untuk 2 kali masa perawatan.")]
    [InlineData("dipidana dengan pidana penjara paling singkat 4 (empat) tahun dan pidana denda paling sedikit Rp800.000.000,00 (delapan ratus juta rupiah);", "Dipidana dengan pidana penjara paling singkat 4 tahun dan pidana denda paling sedikit Rp800 juta.")]
    [InlineData("wajib memusnahkan dalam waktu paling lama 2 x 24 (dua kali dua puluh empat) jam; dan", "Wajib memusnahkan dalam waktu paling lama 2 x 24 jam.")]
    public void AStatuteFragmentBecomesASentence(string unit, string expected) =>
        Assert.Equal(expected, ReadableText.Sentence(ReadableText.Clean(unit)));

    [Fact]
    public void AShortListIsJoinedToItsLeadIn() =>
        Assert.Equal(
            "Undang-Undang tentang Narkotika diselenggarakan berasaskan: keadilan; pengayoman; dan kemanusiaan.",
            ReadableText.JoinList("Undang-Undang tentang Narkotika diselenggarakan berasaskan:", ["a. keadilan;", "b. pengayoman;", "c. kemanusiaan."]));

    [Theory]
    [InlineData("Apa saja tugas BNN menurut undang-undang?")]
    [InlineData("Apa saja asas undang-undang narkotika?")]
    [InlineData("Dalam berapa lama penyidik wajib memberitahukan penyitaan kepada kejaksaan negeri?")]
    [InlineData("sanksi apotek yg melanggar aturan simpan narkotika apa aja?")]
    [InlineData("Siapa yang mengawasi produksi narkotika?")]
    public async Task AnswersAreOneToFourPlainSentencesWithCitations(string question)
    {
        var answer = await corpus.Host.Get<IQuestionAnswerer>().AnswerAsync(question, "id-ID", TestContext.Token);

        Assert.Equal(AnswerKind.Answered, answer.Kind);
        foreach (var paragraph in answer.Text.Split("\n\n").Where(p => !p.StartsWith("Catatan:", StringComparison.Ordinal)))
        {
            Assert.Matches(@"^\p{Lu}", paragraph);
            Assert.DoesNotMatch(@"^(\(\d+\)|[a-z]\.|\d{1,2}\.)\s", paragraph);
            Assert.DoesNotContain("sebagaimana dimaksud", paragraph, StringComparison.Ordinal);
            Assert.DoesNotMatch(@"\d \((?:[a-z]+ ?)+\)", paragraph);
        }

        var sentences = answer.Text.Split("\n\n").Where(p => !p.StartsWith("Catatan:", StringComparison.Ordinal))
            .Sum(p => System.Text.RegularExpressions.Regex.Count(p, @"[.!?…](\s|$)"));
        Assert.InRange(sentences, 1, 5);
        Assert.All(answer.Citations, c => Assert.Contains("(" + c.Key + ")", answer.Text, StringComparison.Ordinal));
    }

    [Fact]
    public async Task ThePackSummaryIsReadWhereOneExists()
    {
        var answer = await corpus.Host.Get<IQuestionAnswerer>().AnswerAsync("Apakah korban penyalahgunaan narkotika juga wajib direhabilitasi?", "id-ID", TestContext.Token);

        Assert.Contains(answer.Citations, c => c.Key == "UU 35/2009 Pasal 54");
        Assert.Contains("korban penyalahgunaan narkotika wajib menjalani rehabilitasi medis dan rehabilitasi sosial", answer.Text, StringComparison.OrdinalIgnoreCase);
    }
}
