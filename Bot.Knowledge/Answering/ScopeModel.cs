using Bot.Knowledge.Bank;
using Bot.Knowledge.Language;

namespace Bot.Knowledge.Answering;

/// <summary>
/// Answerability learned from the question bank: is this the kind of question the sources answer (every
/// answer-bank question), a kind of fact they never hold though it sounds like the domain (scope bank,
/// "not-covered"), or not about narcotics and P4GN at all ("outside")? Replaces the regex category lists.
/// Whether the sources in the index actually cover an answerable question is decided by retrieval.
/// </summary>
internal sealed class ScopeModel
{
    public const string Answerable = "answerable";
    public const string NotCovered = "not-covered";
    public const string Outside = "outside";

    /// <summary>Scope examples are repeated: a few hundred against over a thousand answerable questions.</summary>
    private const int ScopeWeight = 4;

    /// <summary>One model per bank for the whole process: every host (tests, verbs) shares the training.</summary>
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<QuestionBank, Lazy<TextClassifier>> Trained = [];

    private readonly Lazy<TextClassifier> _model;

    public ScopeModel(QuestionBank bank) =>
        _model = Trained.GetValue(bank, b => new Lazy<TextClassifier>(() => TextClassifier.Train(Examples(b))));

    /// <summary>The trained classifier (shared by every instance over the same bank).</summary>
    internal TextClassifier Model => _model.Value;

    public ScopeVerdict Judge(string question)
    {
        var ranked = _model.Value.Predict(question).Ranked;
        float Score(string label) => ranked.FirstOrDefault(r => r.Label == label)?.Score ?? 0;
        return new ScopeVerdict(Score(Answerable), Score(NotCovered), Score(Outside));
    }

    /// <summary>Warms the model (training happens on first use otherwise).</summary>
    public void Prepare() => _ = _model.Value;

    private static IEnumerable<LabelledText> Examples(QuestionBank bank)
    {
        foreach (var question in bank.Answers)
        {
            yield return new LabelledText(question.Text, Answerable);
        }

        foreach (var example in bank.Scope)
        {
            for (var i = 0; i < ScopeWeight; i++)
            {
                yield return example;
            }
        }
    }
}

/// <summary>The probabilities that a question is answerable, in the domain but not covered, or outside it.</summary>
internal sealed record ScopeVerdict(float Answerable, float NotCovered, float Outside)
{
    /// <summary>Above this the model's "not covered" stands even against a close bank question.</summary>
    private const float SureNotCovered = 0.8f;

    public bool IsOutside => Outside > Answerable && Outside > NotCovered;

    /// <summary>"Not covered" the model is sure of (on the tuning set, true out-of-scope questions scored 0.84-1.00, answerable ones that leaned this way 0.55-0.74).</summary>
    public bool IsSurelyNotCovered => LeansNotCovered && NotCovered >= SureNotCovered;

    /// <summary>"Not covered" is the likeliest label; retrieval may overrule it with a close bank question.</summary>
    public bool LeansNotCovered => NotCovered > Answerable && NotCovered >= Outside;
}
