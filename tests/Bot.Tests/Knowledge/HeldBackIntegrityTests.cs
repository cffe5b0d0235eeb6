using System.Text.Json;
using System.Text.RegularExpressions;
using Bot.Knowledge.Bank;

namespace Bot.Tests.Knowledge;

/// <summary>
/// The held-back sets stay unseen: none of their questions, nor any clause of one, appears in the question bank,
/// the word lists or the code. Protected: eval/qa-heldout.jsonl (written before tuning), eval/qa-fresh.jsonl,
/// eval/qa-fresh2.jsonl, eval/qa-fresh3.jsonl, eval/qa-fresh4.jsonl, eval/qa-fresh5.jsonl, eval/qa-fresh6.jsonl, eval/qa-fresh10.jsonl, eval/qa-fresh11.jsonl and eval/qa-fresh12.jsonl (written after tuning rounds, never tuned on; qa-fresh6's
/// failures were read once by class, see BENCHMARKS.md). qa-fresh7, qa-fresh8 and qa-fresh9 are burned (their failures
/// were read by class in the ninth, tenth and eleventh rounds) and are no longer protected here. (Near copies of every eval set are checked in
/// <see cref="QuestionBankTests"/>.) Text is compared normalised: lower case, letters and digits only.
/// </summary>
public sealed partial class HeldBackIntegrityTests
{
    private static readonly string Repository = FindRepository();
    private static readonly (string File, int Count)[] Protected = [("qa-heldout.jsonl", 256), ("qa-fresh.jsonl", 21), ("qa-fresh2.jsonl", 81), ("qa-fresh3.jsonl", 67), ("qa-fresh4.jsonl", 84), ("qa-fresh5.jsonl", 100), ("qa-fresh6.jsonl", 120), ("qa-fresh10.jsonl", 120), ("qa-fresh11.jsonl", 120), ("qa-fresh12.jsonl", 120)];
    private static readonly List<string> HeldBack = Protected.SelectMany(p => Questions(p.File)).ToList();

    private static IEnumerable<string> Questions(string file) => File.ReadLines(Path.Combine(Repository, "eval", file))
        .Where(l => l.Trim().Length > 0)
        .Select(l => JsonDocument.Parse(l).RootElement.GetProperty("question").GetString()!);

    [Fact]
    public void EveryProtectedSetIsReadWhole()
    {
        foreach (var (file, count) in Protected)
        {
            Assert.Equal(count, Questions(file).Count());
        }
    }

    [Fact]
    public void NoBankLineIsAHeldBackQuestionOrOneOfItsClauses()
    {
        Assert.Equal(Protected.Sum(p => p.Count), HeldBack.Count);
        var questions = HeldBack.Select(Normalize).ToHashSet(StringComparer.Ordinal);
        var clauses = HeldBack.SelectMany(Clauses).ToHashSet(StringComparer.Ordinal);
        var bank = QuestionBank.Default;
        var lines = bank.Answers.Select(a => a.Text).Concat(bank.Scope.Select(s => s.Text)).Concat(bank.Safety.Select(s => s.Text));

        var copies = lines
            .Select(l => (Line: l, Text: Normalize(l)))
            .Where(l => questions.Contains(l.Text) || clauses.Contains(l.Text) || questions.Any(q => l.Text.Contains(q, StringComparison.Ordinal)))
            .Select(l => l.Line)
            .ToList();

        Assert.True(copies.Count == 0, "Bank lines taken from the held-back set: " + string.Join("; ", copies));
    }

    [Fact]
    public void NoWordListEntryIsAHeldBackPhrase()
    {
        var clauses = HeldBack.SelectMany(Clauses).Concat(HeldBack.Select(Normalize)).ToHashSet(StringComparer.Ordinal);
        var entries = new[] { "Bot.Knowledge/Language/colloquial-id.tsv", "Bot.Knowledge/Retrieval/english-id.tsv" }
            .SelectMany(f => File.ReadLines(Path.Combine(Repository, f)))
            .Where(l => !l.StartsWith('#') && l.Contains('\t', StringComparison.Ordinal))
            .SelectMany(l => l.Split('\t'))
            .Select(Normalize)
            .Where(e => e.Length > 0)
            .ToList();

        Assert.True(entries.Count > 500, $"only {entries.Count} word-list entries read");
        var copies = entries.Where(clauses.Contains).ToList();
        Assert.True(copies.Count == 0, "Word-list entries taken from the held-back set: " + string.Join("; ", copies));
    }

    [Fact]
    public void NoSourceOrTestFileQuotesAHeldBackQuestion()
    {
        var files = new[] { "Bot.Knowledge", "Bot.Dialogs", "Bot.Host", "tests", "bench" }
            .Select(d => Path.Combine(Repository, d))
            .Where(Directory.Exists)
            .SelectMany(d => Directory.EnumerateFiles(d, "*", SearchOption.AllDirectories))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}node_modules{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Where(f => Path.GetExtension(f) is ".cs" or ".md" or ".tsv" or ".json" or ".jsonl" or ".txt" or ".py" or ".js")
            .ToList();
        Assert.True(files.Count > 100, $"only {files.Count} files read");
        var questions = HeldBack.Select(Normalize).Where(q => q.Split(' ').Length >= 4).ToList();

        // Two held-back questions were taken on purpose from text that predates the set, and are reported with the
        // figures: hb-036 repeats own-010 of the older paraphrase set, and hb-160 is the help text's own example
        // ("what is wajib lapor?"), which the issue asks Sinergi to answer.
        // Six questions of qa-fresh were copied into it from tests written before it (73b4cf6 predates fc02c0d);
        // "what is mandatory reporting?" is also the English help text's example. They are not unseen, and the
        // figures say so; qa-fresh2 and qa-fresh3 have no such exception.
        var known = new[]
        {
            "Siapa yang menetapkan lembaga rehabilitasi sosial sebagai IPWL?", "What is wajib lapor?",
            "what is mandatory reporting?", "Nomor Lembaran Negara untuk PP 40 tahun 2013 berapa?",
            "berapa jumlah rumah rehab milik bnn di seluruh kalimantan?", "What is the penalty for growing marijuana?",
            "Do parents have to report a child who uses drugs?", "Apa saja tugas BNN menurut undang-undang?",
        }.Select(Normalize).ToHashSet(StringComparer.Ordinal);
        var quoted = files
            .Select(f => (Name: Path.GetFileName(f), Text: Normalize(File.ReadAllText(f))))
            .SelectMany(f => questions.Where(q => !known.Contains(q) && f.Text.Contains(q, StringComparison.Ordinal)).Select(q => $"{f.Name}: {q}"))
            .ToList();

        Assert.True(quoted.Count == 0, "Files quoting held-back questions: " + string.Join("; ", quoted));
    }

    private static IEnumerable<string> Clauses(string question) =>
        ClauseBreak().Split(question.ToLowerInvariant()).Select(Normalize).Where(c => c.Split(' ').Length >= 3);

    private static string Normalize(string text) =>
        string.Join(' ', NonWord().Replace(text.ToLowerInvariant(), " ").Split(' ', StringSplitOptions.RemoveEmptyEntries));

    private static string FindRepository()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "eval", "qa-heldout.jsonl")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("eval/qa-heldout.jsonl not found above the test's folder");
    }

    [GeneratedRegex(@"[,;?.!]|\bdan\b|\band\b|\btapi\b|\bbut\b|\bserta\b")]
    private static partial Regex ClauseBreak();

    [GeneratedRegex("[^0-9a-z]+")]
    private static partial Regex NonWord();
}
