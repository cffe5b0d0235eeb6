using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using Bot.Knowledge.Language;

namespace Bot.Knowledge.Bank;

/// <summary>
/// The question bank: the Markdown files embedded from <c>Bank/</c> (reviewed like code), parsed once.
/// <list type="bullet">
/// <item><c>## answer: KEY</c> or <c>## answer: KEY &gt; pack heading</c>: questions a passage answers, keyed by
/// citation key so they apply whenever a passage with that key is in the index (the pack, or an ingested statute).</item>
/// <item><c>## scope: not-covered|outside</c>: questions the sources never answer.</item>
/// <item><c>## safety: emergency|self-harm|obtain|evasion|fear|help|none</c>: messages for the safety screen.</item>
/// </list>
/// </summary>
public sealed class QuestionBank
{
    public const string AnswerSection = "answer";
    public const string ScopeSection = "scope";
    public const string SafetySection = "safety";

    private const string ResourcePrefix = "Bot.Knowledge.Bank.";

    private static readonly Lazy<QuestionBank> Embedded = new(LoadEmbedded);

    private QuestionBank(IReadOnlyList<BankQuestion> answers, IReadOnlyList<LabelledText> scope, IReadOnlyList<LabelledText> safety, string hash)
    {
        Answers = answers;
        Scope = scope;
        Safety = safety;
        Hash = hash;
        ByKey = answers.ToLookup(a => a.Key, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>The bank shipped with the assembly.</summary>
    public static QuestionBank Default => Embedded.Value;

    /// <summary>Every answerable question, with the passage it belongs to.</summary>
    public IReadOnlyList<BankQuestion> Answers { get; }

    /// <summary>The answer-bank questions of one citation key.</summary>
    public ILookup<string, BankQuestion> ByKey { get; }

    /// <summary>Questions the sources do not answer, labelled <c>not-covered</c> or <c>outside</c>.</summary>
    public IReadOnlyList<LabelledText> Scope { get; }

    /// <summary>Safety messages labelled by concern, plus hard negatives labelled <c>none</c>.</summary>
    public IReadOnlyList<LabelledText> Safety { get; }

    /// <summary>SHA-256 of the bank files: the index is rebuilt when it changes.</summary>
    public string Hash { get; }

    /// <summary>Reads bank files (name, Markdown text); throws <see cref="FormatException"/> naming the file and line.</summary>
    public static QuestionBank Parse(IEnumerable<(string Name, string Text)> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        var answers = new List<BankQuestion>();
        var scope = new List<LabelledText>();
        var safety = new List<LabelledText>();
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var (name, text) in files.OrderBy(f => f.Name, StringComparer.Ordinal))
        {
            hash.AppendData(Encoding.UTF8.GetBytes(name + "\n" + text));
            IReadOnlyList<LabelledExample> examples;
            try
            {
                examples = ExampleFile.Parse(text);
            }
            catch (FormatException ex)
            {
                throw new FormatException($"Bank file {name}: {ex.Message}", ex);
            }

            foreach (var example in examples)
            {
                switch (example.Kind)
                {
                    case AnswerSection:
                        answers.Add(BankQuestion.From(example.Label, example.Text));
                        break;
                    case ScopeSection:
                        scope.Add(new LabelledText(example.Text, example.Label));
                        break;
                    case SafetySection:
                        safety.Add(new LabelledText(example.Text, example.Label));
                        break;
                    default:
                        throw new FormatException($"Bank file {name}: unknown heading kind '{example.Kind}' (answer, scope or safety).");
                }
            }
        }

        return new QuestionBank(answers, scope, safety, Convert.ToHexString(hash.GetHashAndReset()));
    }

    /// <summary>
    /// The bank without some of its answer and scope lines (safety lines all kept): what an out-of-fold model is
    /// trained on (<see cref="Answering.OutOfFoldEvidence"/>). Its hash names the lines it holds.
    /// </summary>
    internal QuestionBank Without(IReadOnlySet<int> answerIndexes, IReadOnlySet<int> scopeIndexes)
    {
        var answers = Answers.Where((_, i) => !answerIndexes.Contains(i)).ToList();
        var scope = Scope.Where((_, i) => !scopeIndexes.Contains(i)).ToList();
        var text = new StringBuilder(Hash);
        foreach (var i in answerIndexes.Order())
        {
            text.Append("\u001fa").Append(i);
        }

        foreach (var i in scopeIndexes.Order())
        {
            text.Append("\u001fs").Append(i);
        }

        return new QuestionBank(answers, scope, Safety, Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString()))));
    }

    private static QuestionBank LoadEmbedded()
    {
        var assembly = typeof(QuestionBank).Assembly;
        var files = assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal) && n.EndsWith(".md", StringComparison.Ordinal))
            .Select(n => (n, Read(assembly, n)))
            .ToList();
        return Parse(files);
    }

    private static string Read(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The bank resource {name} is missing.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }
}

/// <summary>One answer-bank question: the citation key, optionally one pack section's heading, and the text.</summary>
public sealed record BankQuestion(string Key, string? Heading, string Text)
{
    /// <summary>Splits a label "KEY" or "KEY &gt; Heading".</summary>
    public static BankQuestion From(string label, string text)
    {
        ArgumentNullException.ThrowIfNull(label);
        var split = label.IndexOf(" > ", StringComparison.Ordinal);
        return split < 0
            ? new BankQuestion(label.Trim(), null, text)
            : new BankQuestion(label[..split].Trim(), label[(split + 3)..].Trim(), text);
    }

    /// <summary>True when the question belongs to this passage (same key, and the heading when one is given).</summary>
    public bool BelongsTo(Passages.Passage passage)
    {
        ArgumentNullException.ThrowIfNull(passage);
        return string.Equals(passage.CitationKey, Key, StringComparison.OrdinalIgnoreCase)
            && (Heading is null || passage.Source == Passages.PassageSource.Ingested
                || string.Equals(passage.Heading, Heading, StringComparison.OrdinalIgnoreCase));
    }
}
