using Bot.Knowledge.Language;

namespace Bot.Tests.Knowledge.Language;

/// <summary>The canonical spelling that classifiers and search see.</summary>
public sealed class TextNormalizerTests
{
    [Theory]
    [InlineData("Gmn cara daftar RA2026001??", "bagaimana cara daftar rencana aksi 2026001")]
    [InlineData("sy blm lapor B6 yg kmrn", "saya belum lapor b6 yang kemarin")]
    [InlineData("tolooong bangettt", "tolong sekali")]
    [InlineData("Énergi  —  Réhab", "energi rehabilitasi")]
    [InlineData("tgl15 jan", "tanggal 15 jan")]
    [InlineData("temen sy kejang2 abis nyabu", "teman saya kejang kejang setelah memakai sabu")]
    [InlineData("obat2an terlarang", "obat obatan terlarang")]
    [InlineData("anak2nya", "anak anaknya")]
    [InlineData("sabu2", "sabu")]
    [InlineData("ra2026", "rencana aksi 2026")]
    [InlineData("", "")]
    [InlineData("  ?!  ", "")]
    public void NormalisesChatSpelling(string text, string expected) =>
        Assert.Equal(expected, TextNormalizer.Normalize(text));

    [Fact]
    public void KeepsLegitimateDoubleLettersAndDigits() =>
        Assert.Equal(["maaf", "2000", "saat"], TextNormalizer.Tokens("maaf 2000 saat"));

    [Fact]
    public void TheEmbeddedLexiconLoadsAndHoldsHundredsOfForms() =>
        Assert.True(ColloquialLexicon.Default.Count >= 250, $"only {ColloquialLexicon.Default.Count} forms");

    [Theory]
    [InlineData("yg yang\n")]
    [InlineData("two words\tdua kata\n")]
    [InlineData("empty\t\n")]
    public void AMalformedLexiconLineIsRefusedWithItsNumber(string text)
    {
        var error = Assert.Throws<FormatException>(() => ColloquialLexicon.Parse(new StringReader("# comment\n" + text)));
        Assert.Contains("line 2", error.Message, StringComparison.Ordinal);
    }
}
