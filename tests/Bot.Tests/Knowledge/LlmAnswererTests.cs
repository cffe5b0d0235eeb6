using System.Diagnostics;
using Bot.Knowledge.Answering;
using Bot.Knowledge.Retrieval;
using Bot.Tests.Support;
using Microsoft.SemanticKernel;

namespace Bot.Tests.Knowledge;

/// <summary>The LLM path through the real Semantic Kernel OpenAI connector against a loopback stub of <c>/v1/chat/completions</c>.</summary>
public sealed class LlmAnswererTests : IAsyncLifetime, IDisposable
{
    private const string Question = "wajib lapor itu apa sih? hrs ke mana?";
    private StubChatServer _server = null!;
    private KnowledgeHost _host = null!;

    public async Task InitializeAsync()
    {
        _server = await StubChatServer.StartAsync();
        _host = new KnowledgeHost(new Dictionary<string, string?>
        {
            ["Knowledge:Llm:Provider"] = "OpenAI",
            ["Knowledge:Llm:Endpoint"] = _server.Endpoint,
            ["Knowledge:Llm:Model"] = "stub-model",
            ["Knowledge:Llm:ApiKey"] = "test-key",
            // Long enough that a loaded machine still reaches the stub (a 429 answered after the timeout looked like
            // "no answer request"), short enough that the hanging stub is given up well inside the 20 s the test allows.
            ["Knowledge:Llm:Timeout"] = "00:00:08",
            ["Knowledge:Llm:RewriteTimeout"] = "00:00:04",
        });
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    public void Dispose() => _host.Dispose();

    [Fact]
    public async Task TheQuestionIsRewrittenThenAnsweredCitingAGivenPassage()
    {
        var answer = await _host.Get<IQuestionAnswerer>().AnswerAsync(Question, "id-ID", TestContext.Token);

        Assert.Equal("llm", answer.Method);
        Assert.Equal(AnswerKind.Answered, answer.Kind);
        Assert.StartsWith("Pecandu melapor ke IPWL untuk direhabilitasi [", answer.Text, StringComparison.Ordinal);
        var citation = Assert.Single(answer.Citations);
        Assert.Contains("[" + citation.Key + "]", answer.Text, StringComparison.Ordinal);
        Assert.Contains("[" + citation.Key + "] (", _server.LastPrompt, StringComparison.Ordinal);
        var requests = _server.Requests;
        Assert.Equal([true, false], requests.Select(r => r.IsRewrite));
        Assert.Equal(Question, requests[0].UserMessage);
        Assert.All(requests, r => Assert.Equal("/v1/chat/completions", r.Path));
        Assert.All(requests, r => Assert.Equal("Bearer test-key", r.Authorization));
    }

    [Fact]
    public async Task TheModelDecidesThatThePassagesDoNotAnswer()
    {
        _server.Mode = StubChatServer.Reply.NotCovered;

        var answer = await _host.Get<IQuestionAnswerer>().AnswerAsync(Question, "id-ID", TestContext.Token);

        Assert.Equal(AnswerKind.NotCovered, answer.Kind);
        Assert.Equal("llm", answer.Method);
        Assert.Empty(answer.Citations);
        Assert.Contains("184", answer.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnInventedCitationFallsBackToTheExtractiveAnswer()
    {
        _server.Mode = StubChatServer.Reply.InventCitation;

        var answer = await _host.Get<IQuestionAnswerer>().AnswerAsync(Question, "id-ID", TestContext.Token);

        Assert.Equal("extractive", answer.Method);
        Assert.DoesNotContain("Pasal 999", answer.Text, StringComparison.Ordinal);
        Assert.NotEmpty(answer.Citations);
        Assert.Single(_server.Requests, r => !r.IsRewrite);
    }

    [Fact]
    public async Task TooManyRequestsFallsBackAtOnceWithoutRetrying()
    {
        _server.Mode = StubChatServer.Reply.TooManyRequests;

        var answer = await _host.Get<IQuestionAnswerer>().AnswerAsync(Question, "id-ID", TestContext.Token);

        Assert.Equal("extractive", answer.Method);
        Assert.Equal(AnswerKind.Answered, answer.Kind);
        Assert.Equal([true, false], _server.Requests.Select(r => r.IsRewrite));
    }

    [Fact]
    public async Task ATimeoutFallsBackToTheExtractiveAnswer()
    {
        _server.Mode = StubChatServer.Reply.Hang;
        var started = Stopwatch.GetTimestamp();

        var answer = await _host.Get<IQuestionAnswerer>().AnswerAsync(Question, "id-ID", TestContext.Token);

        Assert.Equal("extractive", answer.Method);
        Assert.Equal(AnswerKind.Answered, answer.Kind);
        Assert.True(Stopwatch.GetElapsedTime(started) < TimeSpan.FromSeconds(20), "The answer waited for the hanging server instead of the timeouts.");
    }

    [Theory]
    [InlineData("Berapa harga sabu sekarang?", AnswerKind.NotCovered)]
    [InlineData("resep rendang yang enak gimana?", AnswerKind.OutOfDomain)]
    [InlineData("temen gw overdosis ga sadar, tolong", AnswerKind.Safety)]
    public async Task QuestionsRuledOutBeforeRetrievalNeverReachTheModel(string question, AnswerKind kind)
    {
        var answer = await _host.Get<IQuestionAnswerer>().AnswerAsync(question, "id-ID", TestContext.Token);

        Assert.Equal(kind, answer.Kind);
        Assert.Empty(_server.Requests);
    }

    [Fact]
    public async Task RetrievalIsAKernelPlugin()
    {
        var kernel = _host.Get<Kernel>();

        var result = await kernel.InvokeAsync(RegulationSearchPlugin.PluginName, "search", new KernelArguments { ["query"] = "wajib lapor pecandu IPWL" }, TestContext.Token);

        Assert.Contains("[PP 25/2011 Pasal", result.GetValue<string>(), StringComparison.Ordinal);
    }
}
