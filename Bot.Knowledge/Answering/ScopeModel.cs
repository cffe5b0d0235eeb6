using System.Collections.Frozen;
using Bot.Knowledge.Bank;
using Bot.Knowledge.Language;

namespace Bot.Knowledge.Answering;

/// <summary>
/// Answerability learned from the question bank: is this the kind of question the sources answer (every
/// answer-bank question), a kind of fact they never hold though it sounds like the domain (scope bank,
/// "not-covered"), or not about narcotics and P4GN at all ("outside")? Replaces the regex category lists.
/// A second model over the same examples plus every concern of the safety bank ("safety", in the domain) says how
/// likely a message is outside the domain.
/// Whether the sources in the index actually cover an answerable question is decided by retrieval; the safety
/// screen asks this model whether a message is in the domain at all (<see cref="LearnedSafetyScreen"/>).
/// </summary>
internal sealed class ScopeModel
{
    public const string Answerable = "answerable";
    public const string NotCovered = "not-covered";
    public const string Outside = "outside";
    public const string Concern = "safety";

    /// <summary>Scope and safety examples are repeated: a few hundred each against over a thousand answerable questions.</summary>
    private const int ScopeWeight = 4;

    /// <summary>One pair of models per bank for the whole process: every host (tests, verbs) shares the training.</summary>
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<QuestionBank, Lazy<TextClassifier>> Trained = [];
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<QuestionBank, Lazy<TextClassifier>> TrainedDomain = [];

    private readonly Lazy<TextClassifier> _model;
    private readonly Lazy<TextClassifier> _domain;

    public ScopeModel(QuestionBank bank)
    {
        _model = Trained.GetValue(bank, b => new Lazy<TextClassifier>(() => TextClassifier.Train(Examples(b).Where(e => e.Label != Concern))));
        _domain = TrainedDomain.GetValue(bank, b => new Lazy<TextClassifier>(() => TrainDomain(Examples(b))));
    }

    private ScopeModel(Lazy<TextClassifier> model, Lazy<TextClassifier> domain)
    {
        _model = model;
        _domain = domain;
    }

    /// <summary>
    /// A scope model of its own for a bank used once (an out-of-fold split, <see cref="OutOfFoldEvidence"/>): trained,
    /// or loaded from the model cache, without joining the process-wide models, so it is freed with its user. Only
    /// <see cref="Judge"/> is meant to be asked of it.
    /// </summary>
    internal static ScopeModel Unshared(QuestionBank bank) =>
        new(new Lazy<TextClassifier>(() => TextClassifier.LoadOrTrain(Examples(bank).Where(e => e.Label != Concern), ModelFileCache.Directory)),
            new Lazy<TextClassifier>(() => throw new InvalidOperationException("An unshared scope model judges answerability only.")));

    /// <summary>
    /// How likely the text is outside narcotics and P4GN (what the safety screen asks), from the same examples with the
    /// safety concerns as a fourth, in-domain label. Answerability keeps its three labels: with the fourth, the
    /// "not covered" probabilities shrank under the hand-set <see cref="ScopeVerdict"/> cut-off (a gazette-number
    /// look-alike fell from 0.80 to 0.79 and was answered).
    /// </summary>
    public float OutsideScore(string text) => OutsideScore(_domain.Value, text);

    /// <summary>
    /// The domain model over these examples. It reads every substance name as one word (<see cref="SubstanceNames"/>),
    /// as the safety screen does, so that a drug the bank never names is still in the domain.
    /// </summary>
    internal static TextClassifier TrainDomain(IEnumerable<LabelledText> examples) =>
        TextClassifier.Train(examples.Select(e => e with { Text = SubstanceNames.Default.Generalize(e.Text) }));

    /// <summary>How likely the domain model finds the text outside narcotics and P4GN.</summary>
    internal static float OutsideScore(TextClassifier domain, string text) =>
        Score(Predict(domain, SubstanceNames.Default.Generalize(text)), Outside);

    /// <summary>The trained answerability classifier (shared by every instance over the same bank).</summary>
    internal TextClassifier Model => _model.Value;

    /// <summary>
    /// The model's verdict, except that a question naming a drug or the domain's own actors ("bandar", "pecandu",
    /// "BNN", "IPWL") is never outside it: what the model gave "outside" goes to "not covered", so such a question is
    /// answered when retrieval finds it, or declined with the 184 / BNNK referral, never with "I only answer about
    /// narcotics". Short colloquial questions that share an outside line's frame ("cara lapor … tanpa nama", like
    /// a lost-document report) were declined as outside the domain.
    /// </summary>
    public ScopeVerdict Judge(string question)
    {
        var ranked = Predict(_model.Value, question);
        var (answerable, notCovered, outside) = (Score(ranked, Answerable), Score(ranked, NotCovered), Score(ranked, Outside));
        return NamesTheDomain(question) ? new ScopeVerdict(answerable, notCovered + outside, 0) : new ScopeVerdict(answerable, notCovered, outside);
    }

    /// <summary>Whether the text names a substance or one of the words only narcotics and P4GN use.</summary>
    internal static bool NamesTheDomain(string text) =>
        TextNormalizer.Tokens(SubstanceNames.Default.Generalize(text)).Any(DomainWords.Contains);

    private static readonly FrozenSet<string> DomainWords = FrozenSet.ToFrozenSet(
        [SubstanceNames.Generic, "narkotika", "napza", "psikotropika", "prekursor", "bandar", "pengedar", "pecandu", "bnn", "bnnk", "bnnp", "ipwl", "p4gn"],
        StringComparer.Ordinal);

    internal static IReadOnlyList<LabelScore> Predict(TextClassifier model, string text) => model.Predict(text).Ranked;

    internal static float Score(IReadOnlyList<LabelScore> ranked, string label) => ranked.FirstOrDefault(r => r.Label == label)?.Score ?? 0;

    /// <summary>Warms the model (training happens on first use otherwise).</summary>
    public void Prepare()
    {
        _ = _model.Value;
        _ = _domain.Value;
    }

    /// <summary>The training examples: answer bank "answerable", scope bank as labelled, safety concerns "safety" (the domain model only).</summary>
    internal static IEnumerable<LabelledText> Examples(QuestionBank bank)
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

        foreach (var example in bank.Safety.Where(e => e.Label != LearnedSafetyScreen.None))
        {
            for (var i = 0; i < ScopeWeight; i++)
            {
                yield return new LabelledText(example.Text, Concern);
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
