using Bot.Dialogs.Engine;
using Bot.Dialogs.Storage;
using Bot.Tests.Support;

namespace Bot.Tests.Dialogs.Engine;

public sealed class TurnProcessorTests : IDisposable
{
    private readonly TempDirectory _folder = new();

    [Fact]
    public async Task WelcomesTheUserButNotTheBotWhenBothJoin()
    {
        using var host = new DialogsHost(_folder.Path);
        var result = await host.Get<TurnProcessor>().ProcessAsync(Some.ConversationUpdate("c1", "u1"), TestContext.Token);

        var welcome = Assert.Single(result.Replies);
        Assert.Contains("Sinergi", welcome.Text, StringComparison.Ordinal);
        Assert.Equal("u1", welcome.Recipient?.Id);
        Assert.Null(welcome.ReplyToId);
        Assert.NotNull(welcome.SuggestedActions);
    }

    [Fact]
    public async Task WelcomesEachMemberOnlyOnce()
    {
        using var host = new DialogsHost(_folder.Path);
        var turns = host.Get<TurnProcessor>();
        await turns.ProcessAsync(Some.ConversationUpdate("c1", "u1"), TestContext.Token);
        var again = await turns.ProcessAsync(Some.ConversationUpdate("c1", "u1"), TestContext.Token);

        Assert.Empty(again.Replies);
    }

    [Fact]
    public async Task SkipsAnActivityIdSeenBefore()
    {
        using var host = new DialogsHost(_folder.Path);
        var turns = host.Get<TurnProcessor>();
        var message = Some.Message("c1", "u1", "bantuan") with { Id = "m-1" };

        var first = await turns.ProcessAsync(message, TestContext.Token);
        var second = await turns.ProcessAsync(message, TestContext.Token);

        Assert.Equal(TurnStatus.Completed, first.Status);
        Assert.NotEmpty(first.Replies);
        Assert.Equal(TurnStatus.Duplicate, second.Status);
        Assert.Empty(second.Replies);
    }

    [Fact]
    public async Task RemembersTheDuplicateAcrossARestart()
    {
        var message = Some.Message("c1", "u1", "bantuan") with { Id = "m-restart" };
        using (var before = new DialogsHost(_folder.Path))
        {
            await before.Get<TurnProcessor>().ProcessAsync(message, TestContext.Token);
        }

        using var after = new DialogsHost(_folder.Path);
        var replay = await after.Get<TurnProcessor>().ProcessAsync(message, TestContext.Token);
        Assert.Equal(TurnStatus.Duplicate, replay.Status);
    }

    [Fact]
    public async Task StoresTheConversationReferenceForProactiveMessages()
    {
        using var host = new DialogsHost(_folder.Path);
        await host.Get<TurnProcessor>().ProcessAsync(Some.Message("c9", "u9", "halo"), TestContext.Token);

        var reference = host.Get<IConversationReferenceStore>().FindLatestForUser(TurnProcessor.UserKey("test", "u9"));
        Assert.NotNull(reference);
        Assert.Equal("c9", reference.Conversation.Id);
        Assert.Equal("https://test.example/", reference.ServiceUrl);
    }

    [Fact]
    public async Task AnswersHelpInEnglishWhenTheLocaleIsEnglish()
    {
        using var host = new DialogsHost(_folder.Path);
        var result = await host.Get<TurnProcessor>().ProcessAsync(Some.Message("c1", "u1", "help") with { Locale = "en-US" }, TestContext.Token);

        Assert.Contains("What I can do", Assert.Single(result.Replies).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheAskAboutTheLawButtonInvitesAQuestionInsteadOfAnsweringItsOwnTitle()
    {
        using var host = new DialogsHost(_folder.Path);
        var result = await host.Get<TurnProcessor>().ProcessAsync(Some.Message("c1", "u1", "Tanya aturan"), TestContext.Token);

        Assert.Contains("ketik pertanyaan", Assert.Single(result.Replies).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunsTurnsOfOneConversationOneAtATime()
    {
        using var host = new DialogsHost(_folder.Path);
        var turns = host.Get<TurnProcessor>();
        var tasks = Enumerable.Range(0, 20)
            .Select(i => turns.ProcessAsync(Some.Message("same", "u1", "bantuan") with { Id = $"p-{i}" }, TestContext.Token));

        var results = await Task.WhenAll(tasks);

        // Every turn saved its state on top of the previous one: no concurrency conflict, no apology.
        Assert.All(results, r => Assert.Equal(TurnStatus.Completed, r.Status));
        Assert.Equal(20, host.Get<IConversationStateStore>().Load("test|same").Version);
    }

    public void Dispose() => _folder.Dispose();
}
