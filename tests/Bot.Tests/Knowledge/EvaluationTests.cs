using Bot.Host.Cli;
using Bot.Knowledge.Evaluation;
using Bot.Tests.Support;

namespace Bot.Tests.Knowledge;

/// <summary>The eval metrics and the eval verb's arguments and exit codes.</summary>
public sealed class EvaluationTests
{
    [Theory]
    [InlineData("UU 35/2009 Pasal 54", "UU 35/2009 Pasal 54", true)]
    [InlineData("UU 35/2009 Pasal 54 ayat (1)", "UU 35/2009 Pasal 54", true)]
    [InlineData("UU 35/2009 Pasal 54", "UU 35/2009 Pasal 5", false)]
    [InlineData("Inpres 2/2020", "Inpres 2/2020", true)]
    [InlineData("IKOTAN", "KOTAN", false)]
    [InlineData("Permendagri 12/2019 Pasal 2", "Permendagri 12/2019", true)]
    public void ACitationHitsAtAWordBoundary(string cited, string expected, bool hits) =>
        Assert.Equal(hits, EvalQuestion.Matches(cited, expected));

    [Fact]
    public void ArgumentsAreParsed()
    {
        var parsed = EvalArguments.Parse(["q.jsonl", "--json", "out.json", "--verbose", "--min-hit", "0.85", "--min-refusal", "0.9"]);

        Assert.Equal(new EvalArguments(["q.jsonl"], "out.json", true, 0.85, 0.9, "id-ID"), parsed);
        Assert.Null(EvalArguments.Parse(["--min-hit", "2"]));
        Assert.Null(EvalArguments.Parse(["q.jsonl", "--min-hit", "lots"]));
    }

    [Fact]
    public async Task TheVerbWritesTheFiguresAndFailsAMissedThreshold()
    {
        using var files = new TempDirectory();
        var questions = Path.Combine(files.Path, "q.jsonl");
        await File.WriteAllLinesAsync(questions,
        [
            """{"id": "t1", "question": "Siapa yang wajib melaporkan pecandu yang belum cukup umur?", "answerable": true, "sources": ["UU 35/2009 Pasal 55", "PP 25/2011 Pasal 3"], "kind": "lookup"}""",
            """{"id": "t2", "question": "Berapa harga ganja sekilo di pasar gelap?", "answerable": false, "sources": [], "kind": "out-of-scope"}""",
        ], TestContext.Token);
        var json = Path.Combine(files.Path, "out.json");
        using var output = new StringWriter();
        using var error = new StringWriter();

        var passed = await EvalVerb.RunAsync([questions, "--json", json, "--min-hit", "0.5", "--min-refusal", "1"], output, error, () => new KnowledgeHost(dataDirectory: files.Path).Services, TestContext.Token);
        var failed = await EvalVerb.RunAsync([questions, "--min-hit", "1.0", "--min-refusal", "1"], output, error, () => new KnowledgeHost(dataDirectory: files.Path).Services, TestContext.Token);

        Assert.Equal(0, passed);
        var figures = System.Text.Json.JsonDocument.Parse(await File.ReadAllTextAsync(json, TestContext.Token)).RootElement;
        foreach (var key in new[] { "hit_rate", "recall_at_1", "recall_at_3", "mrr", "refusal_accuracy", "false_refusal_rate", "p50_ms", "p95_ms", "count" })
        {
            Assert.True(figures.TryGetProperty(key, out _), key);
        }

        Assert.Equal(2, figures.GetProperty("count").GetInt32());
        Assert.Equal(1.0, figures.GetProperty("refusal_accuracy").GetDouble());
        Assert.Equal(figures.GetProperty("hit_rate").GetDouble() < 1.0 ? 3 : 0, failed);
    }

    [Fact]
    public async Task ABadQuestionsFileIsReportedByLine()
    {
        using var files = new TempDirectory();
        var questions = Path.Combine(files.Path, "bad.jsonl");
        await File.WriteAllTextAsync(questions, "{\"id\": \"x\", \"question\": \"ok\"}\n{not json", TestContext.Token);
        using var output = new StringWriter();
        using var error = new StringWriter();

        var code = await EvalVerb.RunAsync([questions], output, error, () => new KnowledgeHost(dataDirectory: files.Path).Services, TestContext.Token);

        Assert.Equal(2, code);
        Assert.Contains("line 2", error.ToString(), StringComparison.Ordinal);
    }
}
