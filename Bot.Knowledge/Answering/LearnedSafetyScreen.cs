using Bot.Knowledge.Bank;
using Bot.Knowledge.Language;
using Bot.Knowledge.Retrieval;

namespace Bot.Knowledge.Answering;

/// <summary>
/// The safety screen learned from the question bank. Two learners vote, and either one is enough, because a
/// missed safety message is the worst error the Q&amp;A can make:
/// <list type="bullet">
/// <item>a <see cref="TextClassifier"/> (word and character n-grams) over the safety bank's concerns against every
/// ordinary question of the answer and scope banks ("none"): a message goes to safety when the concerns together
/// are likely enough, even if "none" is the single most likely label;</item>
/// <item>nearest-example matching (<see cref="QuestionMatcher"/>): the message goes to safety when its nearest
/// safety example is close and nearer than any ordinary question.</item>
/// </list>
/// An ordinary bank question that is much nearer than any safety example vetoes a classifier vote that is not
/// confident ("sabu sama ganja golongan berapa?" is a lookup, not a request).
/// There is no domain gate: until the eighth round the scope model could veto a concern other than an emergency or
/// self-harm it judged outside narcotics and P4GN (a lost ID card or a job looked like a plea for help), but with the
/// eighth round's bank no gate keeps every safety example out of fold, and the screen alone routes fewer outside
/// questions (0.089) than the gate left (0.102); <see cref="SafetyCalibration"/> still measures every gate.
/// The thresholds were set by hand while the safety bank was written. <see cref="SafetyCalibration"/> judges them by
/// five-fold cross-validation of the whole screen over the bank: out of fold they route 0.882 of the safety examples
/// and 0.045 of ordinary questions (<c>SafetyCalibrationTests</c> keeps them within 0.85 / 0.05). Youden's J would
/// pick 0.20 / 0.30 (0.923 / 0.067), which sent a form's short answers to safety in chat; a 0.02 false-route limit
/// would pick 0.60 / 0.65 (recall 0.793). Neither was adopted. Training happens once per process (about two
/// seconds); screening takes well under a millisecond.
/// </summary>
internal sealed class LearnedSafetyScreen : ISafetyScreen
{
    public const string None = "none";

    /// <summary>Safety examples are repeated so that six small classes are not drowned by two thousand ordinary questions.</summary>
    private const int SafetyWeight = 3;

    /// <summary>Total probability of the concerns above which the classifier routes to safety.</summary>
    internal const float ClassifierRoute = 0.35f;

    /// <summary>The nearest safety example must be at least this similar, and this much nearer than any ordinary question.</summary>
    internal const double NeighbourRoute = 0.35;
    internal const double NeighbourMargin = 0.05;

    /// <summary>The classifier alone decides above this; below it, an ordinary question this close and this much nearer vetoes.</summary>
    internal const float ClassifierSure = 0.8f;
    internal const double VetoSimilarity = 0.4;
    internal const double VetoMargin = 0.1;

    /// <summary>An emergency or self-harm this likely relative to the likeliest concern is answered as one (<see cref="Severest"/>).</summary>
    internal const float SevereShare = 0.5f;

    /// <summary>
    /// ... and at least this likely in itself: a diffuse prediction (a one-word message, a child's fever) spreads
    /// 0.10-0.15 over every concern, which <see cref="SevereShare"/> alone raised to a crisis. Chosen on the burned sets
    /// (qa-tuning, qa-fresh to qa-fresh5): the one crisis raised this way rightly scored 0.41 (self-harm spoken with a
    /// plea for help), the two raised wrongly 0.10 and 0.13; the floor sits between, nearer the wrong ones.
    /// </summary>
    internal const float SevereFloor = 0.25f;

    /// <summary>One set of models per bank for the whole process: many hosts (tests, verbs) share the training.</summary>
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<QuestionBank, Lazy<Models>> Trained = [];

    private readonly Lazy<Models> _models;

    public LearnedSafetyScreen(QuestionBank bank)
    {
        _models = Trained.GetValue(bank, b => new Lazy<Models>(() => Models.Train(b)));
    }

    public SafetyConcern Screen(string text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return SafetyConcern.None;
        }

        var (concern, prediction) = Route(text);
        return concern is SafetyConcern.None or SafetyConcern.Emergency or SafetyConcern.SelfHarm ? concern : Severest(prediction, concern);
    }

    /// <summary>The two learners' decision and the classifier's prediction.</summary>
    private (SafetyConcern Concern, ClassifierPrediction Prediction) Route(string text)
    {
        var models = _models.Value;
        var prediction = models.Predict(text);
        var concern = prediction.Ranked.First(r => r.Label != None).Label;
        var safety = 1 - prediction.Ranked.Where(r => r.Label == None).Sum(r => r.Score);
        if (safety >= ClassifierSure)
        {
            return (ToConcern(concern), prediction);
        }

        var neighbours = models.Match(text, 20);
        var nearestSafety = neighbours.FirstOrDefault(n => models.Labels[n.Index] != None);
        var nearestNone = neighbours.Where(n => models.Labels[n.Index] == None).Select(n => n.Similarity).DefaultIfEmpty(0).Max();
        var vetoed = nearestNone >= VetoSimilarity && nearestNone > nearestSafety.Similarity + VetoMargin;
        if ((prediction.Label != None || safety >= ClassifierRoute) && !vetoed)
        {
            return (ToConcern(concern), prediction);
        }

        return (nearestSafety.Similarity >= NeighbourRoute && nearestSafety.Similarity > nearestNone + NeighbourMargin
            ? ToConcern(models.Labels[nearestSafety.Index])
            : SafetyConcern.None, prediction);
    }

    /// <summary>
    /// The route for a message already routed, in the domain, to <paramref name="routed"/>: an emergency or self-harm
    /// at least <see cref="SevereShare"/> as likely as the likeliest concern, and at least <see cref="SevereFloor"/>
    /// likely, wins over it ("I can't stop using and I
    /// think about dying" is a plea for help and self-harm both): the crisis answer also gives the way to help, while
    /// the help answer says nothing of what to do now. Likewise fear of reporting over a plea for help, with the same floor. Only in the domain: a fever or a lost document that merely
    /// leans towards a concern must not reach the emergency answer that way.
    /// </summary>
    internal static SafetyConcern Severest(ClassifierPrediction prediction, SafetyConcern routed)
    {
        var concerns = prediction.Ranked.Where(r => r.Label != None).ToList();
        var severe = concerns.FirstOrDefault(r => r.Label is "emergency" or "self-harm");
        if (severe is not null && severe.Score >= SevereFloor && severe.Score >= SevereShare * concerns[0].Score)
        {
            return ToConcern(severe.Label);
        }

        // Wanting to quit while afraid of arrest: the fear answer carries the rehabilitation route too, the help answer
        // not the protection facts.
        var fear = concerns.First(r => r.Label == "fear");
        return routed == SafetyConcern.SeekingHelp && fear.Score >= SevereFloor && fear.Score >= SevereShare * concerns[0].Score ? SafetyConcern.FearOfReporting : routed;
    }

    /// <summary>Trains the models now instead of on the first message.</summary>
    public void Prepare() => _ = _models.Value;

    internal static SafetyConcern ToConcern(string label) => label switch
    {
        "emergency" => SafetyConcern.Emergency,
        "self-harm" => SafetyConcern.SelfHarm,
        "obtain" => SafetyConcern.ObtainOrUse,
        "evasion" => SafetyConcern.Evasion,
        "fear" => SafetyConcern.FearOfReporting,
        "retaliation" => SafetyConcern.FearOfRetaliation,
        "help" => SafetyConcern.SeekingHelp,
        _ => throw new InvalidOperationException($"The safety bank has an unknown label '{label}'."),
    };

    internal sealed record Models(TextClassifier Classifier, QuestionMatcher Matcher, IReadOnlyList<string> Labels)
    {
        public static Models Train(QuestionBank bank) => Train(Examples(bank).ToList());

        /// <summary>Both learners read every substance name as one word (<see cref="SubstanceNames"/>).</summary>
        public static Models Train(IReadOnlyList<LabelledText> examples)
        {
            var general = examples.Select(e => e with { Text = SubstanceNames.Default.Generalize(e.Text) }).ToList();
            var unique = general.DistinctBy(e => e.Text, StringComparer.Ordinal).ToList();
            return new Models(
                TextClassifier.Train(general),
                new QuestionMatcher(unique.Select(e => e.Text).ToList()),
                unique.Select(e => e.Label).ToList());
        }

        /// <summary>The classifier's labels for the text, read as the models were trained.</summary>
        public ClassifierPrediction Predict(string text) => Classifier.Predict(SubstanceNames.Default.Generalize(text));

        /// <summary>The nearest bank texts, read as the models were trained.</summary>
        public IReadOnlyList<(int Index, double Similarity)> Match(string text, int top) => Matcher.Match(SubstanceNames.Default.Generalize(text), top);

        /// <summary>The training examples: the safety bank (concerns repeated), every answer and scope question as "none".</summary>
        public static IEnumerable<LabelledText> Examples(QuestionBank bank)
        {
            foreach (var example in bank.Safety)
            {
                var copies = example.Label == None ? 1 : SafetyWeight;
                for (var i = 0; i < copies; i++)
                {
                    yield return example;
                }
            }

            foreach (var question in bank.Answers)
            {
                yield return new LabelledText(question.Text, None);
            }

            foreach (var question in bank.Scope)
            {
                yield return new LabelledText(question.Text, None);
            }
        }
    }
}
