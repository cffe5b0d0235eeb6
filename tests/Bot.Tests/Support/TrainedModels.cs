using System.Runtime.CompilerServices;
using Bot.Dialogs.Understanding;
using Bot.Knowledge.Answering;
using Bot.Knowledge.Bank;
using Bot.Knowledge.Language;

namespace Bot.Tests.Support;

/// <summary>
/// A host's language models (intent, safety, scope) trained once for the whole test run and kept in the model cache
/// the hosts use (<see cref="ModelFileCache.DefaultDirectory"/>), so that a host a test starts, in this process or as a
/// child process, has them at once, as a production host that starts again does, instead of making its first turn
/// wait ten seconds to minutes (on a loaded machine) for training. Tests of what a host does while its models train
/// build their own models.
/// </summary>
internal static class TrainedModels
{
    private static readonly Lazy<bool> Trained = new(Train, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Every model the test process trains is kept where hosts look for it (unless a test names another folder).</summary>
    [ModuleInitializer]
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Usage", "CA2255", Justification = "The test assembly sets the process-wide model cache before any test.")]
    internal static void UseTheHostsCache() => ModelFileCache.Use(ModelFileCache.DefaultDirectory());

    /// <summary>Trains (or loads) the models now; later calls return at once.</summary>
    public static void Ensure() => _ = Trained.Value;

    private static bool Train()
    {
        _ = IntentModel.Default;
        new LearnedSafetyScreen(QuestionBank.Default).Prepare();
        new ScopeModel(QuestionBank.Default).Prepare();
        return true;
    }
}
