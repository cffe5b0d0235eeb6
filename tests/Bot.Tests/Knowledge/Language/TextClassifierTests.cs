using Bot.Knowledge.Language;
using Bot.Tests.Support;

namespace Bot.Tests.Knowledge.Language;

/// <summary>The learned classifier: it generalises past its examples, is shared per example set and is thread-safe.</summary>
public sealed class TextClassifierTests
{
    private static readonly LabelledText[] Examples =
    [
        new("halo selamat pagi", "greeting"), new("hai", "greeting"), new("selamat siang bot", "greeting"),
        new("assalamualaikum", "greeting"), new("hello there", "greeting"), new("pagi min", "greeting"),
        new("mau lapor progres", "report"), new("saya ingin melaporkan realisasi", "report"),
        new("lapor kegiatan semester 1", "report"), new("kirim laporan capaian", "report"),
        new("update progres rencana aksi", "report"), new("report my progress", "report"),
        new("siapa yang belum lapor", "missing"), new("opd mana aja yg blm lapor", "missing"),
        new("daftar yang belum mengirim laporan", "missing"), new("who has not reported yet", "missing"),
        new("cek yang belum setor laporan B6", "missing"), new("belum lapor b12", "missing"),
    ];

    [Theory]
    [InlineData("selamat pagiii", "greeting")]
    [InlineData("sy mau laporin progres kegiatan", "report")]
    [InlineData("siapa aja yg blm lapor?", "missing")]
    public void RecognisesPhrasingsItWasNotTrainedOn(string text, string expected)
    {
        var prediction = TextClassifier.Train(Examples).Predict(text);

        Assert.Equal(expected, prediction.Label);
        Assert.Equal(prediction.Ranked[0].Score, prediction.Score);
        Assert.Equal(1f, prediction.Ranked.Sum(r => r.Score), 3);
        Assert.Equal(3, prediction.Ranked.Count);
    }

    [Fact]
    public void TheSameExamplesShareOneModelAndOtherExamplesGetTheirOwn()
    {
        var first = TextClassifier.Train(Examples);

        Assert.Same(first, TextClassifier.Train(Examples.ToList()));
        Assert.NotSame(first, TextClassifier.Train(Examples.Skip(1)));
    }

    [Fact]
    public async Task PredictionsFromManyThreadsAgreeWithOneThread()
    {
        var classifier = TextClassifier.Train(Examples);
        string[] texts = ["halo", "lapor progres", "yang belum lapor", "hai bot", "kirim laporan"];
        var expected = texts.Select(t => classifier.Predict(t).Label).ToArray();

        var results = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => Task.Run(
            () => Enumerable.Range(0, 200).Select(i => classifier.Predict(texts[i % texts.Length]).Label == expected[i % texts.Length]).All(ok => ok),
            TestContext.Token)));

        Assert.All(results, Assert.True);
    }

    [Fact]
    public void AModelKeptOnDiskIsLoadedAgainAndPredictsAsTheTrainedOne()
    {
        using var folder = new TempDirectory();
        string[] texts = ["halo", "sy mau laporin progres", "yang belum lapor b6", "hello", "kirim laporan capaian"];

        var trained = TextClassifier.LoadOrTrain(Examples, folder.Path);
        var file = TextClassifier.CacheFileOf(Examples, folder.Path)!;
        Assert.True(File.Exists(file));
        var written = File.GetLastWriteTimeUtc(file);

        var loaded = TextClassifier.LoadOrTrain(Examples, folder.Path);

        Assert.NotSame(trained, loaded);
        Assert.Equal(trained.Labels, loaded.Labels);
        foreach (var text in texts)
        {
            Assert.Equal(trained.Predict(text).Ranked.Select(r => (r.Label, Math.Round(r.Score, 4))), loaded.Predict(text).Ranked.Select(r => (r.Label, Math.Round(r.Score, 4))));
        }

        Assert.Equal(written, File.GetLastWriteTimeUtc(file));
        Assert.Single(Directory.GetFiles(folder.Path));
    }

    [Fact]
    public void ADamagedModelFileIsTrainedAgainAndReplaced()
    {
        using var folder = new TempDirectory();
        var file = TextClassifier.CacheFileOf(Examples, folder.Path)!;
        File.WriteAllBytes(file, [0x50, 0x4B, 0x03, 0x04, 0xde, 0xad, 0xbe, 0xef]);

        var classifier = TextClassifier.LoadOrTrain(Examples, folder.Path);

        Assert.Equal("missing", classifier.Predict("siapa aja yg blm lapor?").Label);
        Assert.True(new FileInfo(file).Length > 1_000);
        Assert.Equal("missing", TextClassifier.LoadOrTrain(Examples, folder.Path).Predict("siapa aja yg blm lapor?").Label);
    }

    [Fact]
    public void WithoutACacheFolderNothingIsWritten()
    {
        Assert.Null(TextClassifier.CacheFileOf(Examples, null));
        Assert.Equal("greeting", TextClassifier.LoadOrTrain(Examples, null).Predict("selamat pagiii").Label);
    }

    [Fact]
    public void OneLabelIsNotEnoughToTrain() =>
        Assert.Throws<ArgumentException>(() => TextClassifier.Train([new("halo", "greeting"), new("hai", "greeting")]));
}
