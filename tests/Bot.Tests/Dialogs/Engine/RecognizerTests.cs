using Bot.Dialogs.Engine.Prompts;

namespace Bot.Tests.Dialogs.Engine;

public sealed class RecognizerTests
{
    // Monday 1 March 2027.
    private static readonly DateOnly Today = new(2027, 3, 1);

    [Theory]
    [InlineData("1.500", 1500)]
    [InlineData("1.500.000", 1500000)]
    [InlineData("2,5", 2.5)]
    [InlineData("1.5", 1.5)]
    [InlineData("15 orang", 15)]
    [InlineData("80%", 80)]
    [InlineData("Rp 25 juta", 25000000)]
    [InlineData("Rp 1.500.000,-", 1500000)]
    [InlineData("1,5 jt", 1500000)]
    [InlineData("1.250,75", 1250.75)]
    [InlineData("12 kegiatan", 12)]
    [InlineData("15k", 15000)]
    public void ReadsIndonesianNumbers(string text, double expected)
    {
        Assert.True(IndonesianNumber.TryParse(text, english: false, out var value));
        Assert.Equal((decimal)expected, value);
    }

    [Theory]
    [InlineData("1,500", 1500)]
    [InlineData("2.5", 2.5)]
    [InlineData("15 people", 15)]
    public void ReadsEnglishNumbersForEnglishUsers(string text, double expected)
    {
        Assert.True(IndonesianNumber.TryParse(text, english: true, out var value));
        Assert.Equal((decimal)expected, value);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("")]
    [InlineData("😀")]
    [InlineData("sekitar lima belas")]
    [InlineData("1.2.3,4,5")]
    [InlineData("12 dan 15")]
    public void RefusesWhatIsNotANumber(string text) =>
        Assert.False(IndonesianNumber.TryParse(text, english: false, out _));

    [Fact]
    public void RefusesAHugeNumberInputQuickly() =>
        Assert.False(IndonesianNumber.TryParse(new string('9', 20_000), english: false, out _));

    [Theory]
    [InlineData("hari ini", "2027-03-01")]
    [InlineData("besok", "2027-03-02")]
    [InlineData("lusa", "2027-03-03")]
    [InlineData("minggu depan", "2027-03-08")]
    [InlineData("Jumat depan", "2027-03-12")]
    [InlineData("jumat", "2027-03-05")]
    [InlineData("Senin", "2027-03-08")]
    [InlineData("akhir Juni", "2027-06-30")]
    [InlineData("awal Juli", "2027-07-01")]
    [InlineData("pertengahan agustus 2027", "2027-08-15")]
    [InlineData("akhir bulan", "2027-03-31")]
    [InlineData("akhir tahun", "2027-12-31")]
    [InlineData("30/6", "2027-06-30")]
    [InlineData("30-06-2027", "2027-06-30")]
    [InlineData("30/06/27", "2027-06-30")]
    [InlineData("2027-06-30", "2027-06-30")]
    [InlineData("30 Juni 2027", "2027-06-30")]
    [InlineData("tanggal 30 juni", "2027-06-30")]
    [InlineData("17 Agt 2027", "2027-08-17")]
    [InlineData("B6", "2027-06-30")]
    [InlineData("b12", "2027-12-31")]
    [InlineData("June 30, 2027", "2027-06-30")]
    [InlineData("next friday", "2027-03-12")]
    [InlineData("end of June", "2027-06-30")]
    [InlineData("tomorrow", "2027-03-02")]
    [InlineData("12/31/2026", "2026-12-31")]
    [InlineData("tgl 15 jan 27", "2027-01-15")]
    [InlineData("15 jan 2027", "2027-01-15")]
    [InlineData("15-jan-2027", "2027-01-15")]
    [InlineData("5/13", "2027-05-13")]
    public void ResolvesDatesAgainstToday(string text, string expected)
    {
        Assert.True(IndonesianDate.TryResolve(text, Today, out var date), text);
        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), date);
    }

    [Theory]
    [InlineData("30/6", "2028-06-30")]
    [InlineData("akhir Juni", "2028-06-30")]
    [InlineData("B12", "2028-12-31")]
    [InlineData("15 jan", "2028-01-15")]
    [InlineData("30 Juni 2027", "2027-06-30")]
    [InlineData("besok", "2027-03-02")]
    public void PutsADateWithoutAYearInThePlanYear(string text, string expected)
    {
        Assert.True(IndonesianDate.TryResolve(text, Today, 2028, out var date), text);
        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), date);
    }

    [Theory]
    [InlineData("31/2")]
    [InlineData("kapan-kapan")]
    [InlineData("🙂")]
    [InlineData("30 Juno")]
    [InlineData("13-13-2027")]
    [InlineData("13/13/2026")]
    [InlineData("31/31")]
    [InlineData("")]
    public void RefusesWhatIsNotADate(string text) => Assert.False(IndonesianDate.TryResolve(text, Today, out _));

    [Theory]
    [InlineData("ya", true)]
    [InlineData("Y", true)]
    [InlineData("ok", true)]
    [InlineData("Ya, simpan", true)]
    [InlineData("yes", true)]
    [InlineData("tidak", false)]
    [InlineData("batal", false)]
    [InlineData("gak", false)]
    [InlineData("no", false)]
    public void ReadsYesAndNo(string text, bool expected) => Assert.Equal(expected, ConfirmPrompt.Recognize(text));

    [Theory]
    [InlineData("mungkin")]
    [InlineData("🙂")]
    [InlineData("")]
    public void DoesNotGuessYesOrNo(string text) => Assert.Null(ConfirmPrompt.Recognize(text));

    [Theory]
    [InlineData("1", 0)]
    [InlineData("Pencegahan", 0)]
    [InlineData("rehab", 2)]
    [InlineData("pencegahn", 0)]
    [InlineData("PEMBERANTASAN", 3)]
    [InlineData("masyarakat", 1)]
    public void FindsTheMeantChoice(string text, int expected)
    {
        var choices = new[] { "Pencegahan", "Pemberdayaan Masyarakat", "Rehabilitasi", "Pemberantasan", "Kelembagaan" }
            .Select(t => PromptChoice.Of(t, t)).ToList();
        Assert.Equal(expected, ChoiceRecognizer.Recognize(text, choices));
    }

    [Theory]
    [InlineData("pem")]
    [InlineData("0")]
    [InlineData("6")]
    [InlineData("xyz")]
    public void DoesNotGuessAnAmbiguousOrUnknownChoice(string text)
    {
        var choices = new[] { "Pencegahan", "Pemberdayaan Masyarakat", "Rehabilitasi", "Pemberantasan", "Kelembagaan" }
            .Select(t => PromptChoice.Of(t, t)).ToList();
        Assert.Null(ChoiceRecognizer.Recognize(text, choices));
    }
}
