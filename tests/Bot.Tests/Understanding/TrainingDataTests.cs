using Bot.Dialogs.Engine.Routing;
using Bot.Dialogs.Understanding;
using Bot.Knowledge.Language;

namespace Bot.Tests.Understanding;

/// <summary>The training files, the held-back set and the catalog agree, and the held-back set stays out of training.</summary>
public sealed class TrainingDataTests
{
    private static readonly string HeldBackPath = Path.Combine(RepositoryRoot(), "eval", "nlu-heldout.md");

    [Fact]
    public void EveryIntentInTheCatalogHasManyExamplesAndEveryExampleAKnownIntent()
    {
        var counts = TrainingExamples.All.GroupBy(e => e.Label).ToDictionary(g => g.Key, g => g.Count());

        Assert.All(counts.Keys, label => Assert.True(IntentCatalog.Contains(label), label));
        Assert.All(IntentCatalog.All, d => Assert.True(counts.GetValueOrDefault(d.Name) >= 30, $"{d.Name} has {counts.GetValueOrDefault(d.Name)} examples"));
    }

    [Fact]
    public void EveryFeatureKeepsItsExamplesNextToItsCode() =>
        Assert.Contains(TrainingExamples.FileNames, n => n.EndsWith("Commitments.Commitments.nlu.md", StringComparison.Ordinal));

    [Fact]
    public void TheHeldBackSetIsLargeEnoughAndNeverTrainedOn()
    {
        var heldBack = ExampleFile.Parse(File.ReadAllText(HeldBackPath));
        var training = TrainingExamples.All.Select(e => Normalized(e.Text)).ToHashSet(StringComparer.Ordinal);

        Assert.True(heldBack.Count >= 300, $"{heldBack.Count} utterances");
        Assert.All(heldBack.GroupBy(e => e.Label), g => Assert.True(g.Count() >= 10, $"{g.Key}: {g.Count()}"));
        Assert.All(heldBack, e => Assert.True(IntentCatalog.Contains(e.Label), e.Label));
        Assert.Empty(heldBack.Where(e => training.Contains(Normalized(e.Text))).Select(e => e.Text));
        Assert.DoesNotContain(TrainingExamples.FileNames, n => n.Contains("heldout", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void EveryIntentIsRoutedOrAnsweredByQuestionsOrHelp()
    {
        var unrouted = IntentCatalog.All.Where(d => d.Kind is not (IntentKind.Question or IntentKind.OutOfScope)).Select(d => d.Name)
            .Where(name => !RoutingTable.Intents.ContainsKey(name));

        Assert.Empty(unrouted);
        Assert.All(RoutingTable.Intents.Keys, name => Assert.True(IntentCatalog.Contains(name), name));
    }

    private static string Normalized(string text) => string.Join(' ', text.ToLowerInvariant().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Bot.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException("Bot.sln not found above the test's folder.");
    }
}
