using Bot.Knowledge.Answering;
using Bot.Knowledge.Bank;
using Bot.Knowledge.Passages;
using Bot.Knowledge.Retrieval;

namespace Bot.Tests.Knowledge;

/// <summary>
/// The "asks for a date or a number the passage lacks" feature, validated on the bank (never on an eval set): every
/// answer-bank question that asks for a date or a number is keyed to a passage that holds one, so the feature does
/// not refuse what the sources answer; and a question asking for a date is refused when the best passage has none.
/// </summary>
public sealed class AskedFactTests(IngestedCorpusFixture corpus) : IClassFixture<IngestedCorpusFixture>
{
    [Fact]
    public void EveryBankQuestionAskingForADateOrNumberIsKeyedToAPassageHoldingOne()
    {
        var index = corpus.Host.Get<PassageIndex>();
        var asking = QuestionBank.Default.Answers
            .Select(q => (Question: q, Kind: AskedFact.Of(RetrievalText.Normalize(q.Text), q.Text)))
            .Where(q => q.Kind != FactKind.Any)
            .ToList();
        var lacking = asking
            .Where(q => !index.WithKey(q.Question.Key).Where(q.Question.BelongsTo).Any(p => AskedFact.Holds(p, q.Kind)))
            .Select(q => $"{q.Question.Key}: {q.Question.Text}")
            .ToList();

        Assert.True(asking.Count >= 50, $"only {asking.Count} bank questions ask for a date or a number");
        Assert.True(lacking.Count == 0, $"{lacking.Count} of {asking.Count}: " + string.Join("; ", lacking));
    }

    [Theory]
    [InlineData("tanggal berapa aturan itu ditandatangani?", "Date")]
    [InlineData("On what date was the regulation signed?", "Date")]
    [InlineData("brp lama penjaranya?", "Number")]
    [InlineData("How many years in prison?", "Number")]
    [InlineData("apa itu wajib lapor?", "Any")]
    [InlineData("premi buat pelapor itu berapa rupiah?", "Money")]
    [InlineData("How much money in rupiah does a reporter get?", "Money")]
    [InlineData("pasal berapa yang mengatur rehabilitasi?", "Article")]
    [InlineData("Which article sets the penalty for couriers?", "Article")]
    [InlineData("berapa ganti rugi yg dibayar negara?", "Money")]
    [InlineData("batas waktu mengajukan kompensasi itu berapa hari?", "Number")]
    public void TheKindOfFactIsReadFromTheQuestion(string question, string expected) =>
        Assert.Equal(expected, AskedFact.Of(RetrievalText.Normalize(question), question).ToString());

    [Fact]
    public void APassageHoldsADateOnlyWithADayAndAMonthAndANumberWithAnyQuantity()
    {
        var title = Passage("Peraturan Pemerintah Nomor 25 Tahun 2011 tentang Pelaksanaan Wajib Lapor Pecandu Narkotika");
        var dated = Passage("Layanan ini diluncurkan pada 19 Februari 2026.");
        var worded = Passage("Kartu berlaku untuk dua kali masa perawatan.");
        var none = Passage("Pecandu wajib menjalani rehabilitasi medis dan rehabilitasi sosial.");

        Assert.False(AskedFact.Holds(title, FactKind.Date));
        Assert.True(AskedFact.Holds(dated, FactKind.Date));
        Assert.True(AskedFact.Holds(worded, FactKind.Number));
        Assert.False(AskedFact.Holds(none, FactKind.Number));
        Assert.True(AskedFact.Holds(none, FactKind.Any));
    }

    [Fact]
    public void APassageHoldsASumOnlyInRupiahAndAnArticleNumberOnlyWhenItIsAnArticle()
    {
        var fined = Passage("dipidana dengan pidana denda paling banyak Rp1.000.000.000,00 (satu miliar rupiah).");
        var reward = Passage("Pemerintah memberikan premi kepada anggota masyarakat yang berjasa mengungkap tindak pidana Narkotika.");
        var article = Passage("Pecandu wajib menjalani rehabilitasi.") with { Pasal = "54" };

        Assert.True(AskedFact.Holds(fined, FactKind.Money));
        Assert.False(AskedFact.Holds(reward, FactKind.Money));
        Assert.True(AskedFact.Holds(reward, FactKind.Number) == false && AskedFact.Holds(article, FactKind.Article));
        Assert.False(AskedFact.Holds(reward, FactKind.Article));
    }

    private static Passage Passage(string text) => new()
    {
        Id = "t/1", DocumentKey = "T", DocumentTitle = "T", CitationKey = "T", Text = text, Status = "berlaku", Source = PassageSource.Pack,
    };
}
