using Bot.Dialogs.Understanding.Entities;

namespace Bot.Tests.Understanding;

/// <summary>Which existing OPD a message names, as loosely as people write it, and no OPD when none is named.</summary>
public sealed class OrganisationMatcherTests
{
    private static readonly OrganisationMatcher Matcher = new(
    [
        new KnownOrganisation(1, "Dinas Pendidikan dan Kebudayaan", "Disdikbud"),
        new KnownOrganisation(2, "Dinas Kesehatan", "Dinkes"),
        new KnownOrganisation(3, "Dinas Sosial", "Dinsos"),
        new KnownOrganisation(4, "Badan Perencanaan Pembangunan Daerah", "Bappeda"),
        new KnownOrganisation(5, "Badan Penanggulangan Bencana Daerah", "BPBD"),
        new KnownOrganisation(6, "Dinas Komunikasi dan Informatika", "Diskominfo"),
        new KnownOrganisation(7, "Dinas Perhubungan", "Dishub"),
        new KnownOrganisation(8, "Kecamatan Kandangan", "Kec. Kandangan"),
    ]);

    [Theory]
    [InlineData("buat undangan utk disdikbud", 1)]
    [InlineData("undang disdik", 1)]
    [InlineData("kode undangan dinas pendidikan", 1)]
    [InlineData("fokal pendidikan siapa", 1)]
    [InlineData("ingatkan Dinkes", 2)]
    [InlineData("ingatkan dinkse", 2)]
    [InlineData("kejar dinas kesehatan", 2)]
    [InlineData("colek dinsos dong", 3)]
    [InlineData("undangan bapeda", 4)]
    [InlineData("undang kominfo", 6)]
    [InlineData("tagih perhubungan", 7)]
    [InlineData("undang kecamatan kandangan", 8)]
    public void FindsTheOrganisationNamed(string text, int id) => Assert.Equal(id, Matcher.Find(text)?.Id);

    [Theory]
    [InlineData("ada berapa rencana aksi kami")] // "berapa" is no abbreviation of Badan Perencanaan…
    [InlineData("detail RA-2026-014")] // "detail" is no abbreviation of a Dinas
    [InlineData("minta kode undangan")] // "undangan" is not a typo of "Kandangan"
    [InlineData("ingatkan dinas")] // "dinas" alone names none of them
    [InlineData("undang Dinas Rahasia")]
    public void FindsNoneWhereNoneIsNamed(string text) => Assert.Null(Matcher.Find(text));

    [Fact]
    public void SaysWhichWordsNamedIt()
    {
        var match = Matcher.Find("tolong buatkan kode undangan untuk Dinas Sosial ya")!;

        Assert.Equal(("Dinsos", "Dinas Sosial"), (match.ShortName, match.Text));
    }

    [Fact]
    public void TwoOrganisationsEquallyNamedAreAmbiguous() =>
        Assert.Null(new OrganisationMatcher([new KnownOrganisation(1, "Dinas Sosial", "Dinsos"), new KnownOrganisation(2, "Dinas Sosial", "Dinsos")]).Find("undang dinsos"));

    [Fact]
    public void NoOrganisationsNoMatch() => Assert.Null(OrganisationMatcher.Empty.Find("undang dinkes"));
}
