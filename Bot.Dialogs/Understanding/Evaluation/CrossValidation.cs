using Bot.Dialogs.Understanding.Entities;
using Bot.Knowledge.Language;

namespace Bot.Dialogs.Understanding.Evaluation;

/// <summary>
/// K-fold cross-validation over the training files: each fold is judged by a model and a vocabulary learned from
/// the other folds. This is how the confidence thresholds are chosen without ever looking at the held-back set.
/// </summary>
public static class CrossValidation
{
    public static IReadOnlyList<(LabelledExample Example, MessageUnderstander Understander)> Folds(
        IReadOnlyList<LabelledExample> examples, int folds, IKnownOrganisations organisations, ISafetyScreen? safety, ConfidencePolicy? policy)
    {
        ArgumentNullException.ThrowIfNull(examples);
        ArgumentOutOfRangeException.ThrowIfLessThan(folds, 2);

        // Stratified: every intent's examples are dealt round the folds in a fixed shuffled order.
        var random = new Random(12);
        var foldOf = new Dictionary<LabelledExample, int>(ReferenceEqualityComparer.Instance);
        foreach (var group in examples.GroupBy(e => e.Label, StringComparer.Ordinal))
        {
            var shuffled = group.OrderBy(_ => random.Next()).ToList();
            for (var i = 0; i < shuffled.Count; i++)
            {
                foldOf[shuffled[i]] = i % folds;
            }
        }

        var cases = new List<(LabelledExample, MessageUnderstander)>(examples.Count);
        for (var fold = 0; fold < folds; fold++)
        {
            var training = examples.Where(e => foldOf[e] != fold).ToList();
            var understander = new MessageUnderstander(organisations, safety, IntentModel.Train(training), ArgumentVocabulary.Learn(training), policy);
            cases.AddRange(examples.Where(e => foldOf[e] == fold).Select(e => (e, understander)));
        }

        return cases;
    }
}
