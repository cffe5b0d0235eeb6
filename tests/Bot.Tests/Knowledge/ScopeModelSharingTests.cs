using Bot.Knowledge.Answering;

namespace Bot.Tests.Knowledge;

/// <summary>
/// The scope model is trained once per process, like the safety screen: every host over the same bank shares it.
/// (Each host used to train its own in the background at start, which kept both cores busy while a test suite
/// started dozens of hosts and made unrelated requests time out.)
/// </summary>
public sealed class ScopeModelSharingTests
{
    [Fact]
    public void TwoHostsShareOneTrainedScopeModel()
    {
        using var first = new KnowledgeHost();
        using var second = new KnowledgeHost();

        Assert.NotSame(first.Get<ScopeModel>(), second.Get<ScopeModel>());
        Assert.Same(first.Get<ScopeModel>().Model, second.Get<ScopeModel>().Model);
    }
}
