using Azure.Core;
using Bot.Knowledge.Answering;
using Bot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Bot.Tests.Knowledge;

/// <summary>
/// <c>Knowledge:Llm:Provider = AzureOpenAI</c> through the real Semantic Kernel Azure OpenAI connector
/// (Azure.AI.OpenAI) against a loopback stub of <c>/openai/deployments/{deployment}/chat/completions</c>: with an
/// API key (the <c>api-key</c> header), and with Entra ID when no key is set (a bearer token from the credential).
/// </summary>
public sealed class AzureOpenAiTests : IAsyncLifetime
{
    private StubChatServer _server = null!;

    public async Task InitializeAsync() => _server = await StubChatServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task AnApiKeyIsSentAsTheApiKeyHeaderToTheDeployment()
    {
        using var host = new KnowledgeHost(Settings("azure-test-key"));

        var answer = await host.Get<IQuestionAnswerer>().AnswerAsync("apa itu wajib lapor?", "id-ID", TestContext.Token);

        Assert.Equal("llm", answer.Method);
        Assert.Equal(AnswerKind.Answered, answer.Kind);
        Assert.NotEmpty(_server.Requests);
        Assert.All(_server.Requests, r =>
        {
            Assert.Equal("/openai/deployments/sinergi-chat/chat/completions", r.Path);
            Assert.Equal("sinergi-chat", r.Deployment);
            Assert.Equal("azure-test-key", r.ApiKey);
            Assert.False(string.IsNullOrEmpty(r.ApiVersion), "the api-version query parameter is missing");
        });
    }

    [Fact]
    public async Task WithoutAKeyTheEntraIdTokenIsSent()
    {
        var credential = new IssuedToken("entra-test-token");
        using var host = new KnowledgeHost(Settings(apiKey: null), configure: s => s.AddSingleton<TokenCredential>(credential));

        var answer = await host.Get<IQuestionAnswerer>().AnswerAsync("apa itu wajib lapor?", "id-ID", TestContext.Token);

        Assert.Equal("llm", answer.Method);
        Assert.NotEmpty(_server.Requests);
        Assert.All(_server.Requests, r =>
        {
            Assert.Equal("Bearer entra-test-token", r.Authorization);
            Assert.Equal(string.Empty, r.ApiKey);
        });
        Assert.Contains("https://cognitiveservices.azure.com/.default", credential.Scopes);
    }

    private Dictionary<string, string?> Settings(string? apiKey) => new()
    {
        ["Knowledge:Llm:Provider"] = "AzureOpenAI",
        ["Knowledge:Llm:Endpoint"] = _server.AzureEndpoint,
        ["Knowledge:Llm:Deployment"] = "sinergi-chat",
        ["Knowledge:Llm:ApiKey"] = apiKey,
        ["Knowledge:Llm:Timeout"] = "00:00:05",
    };

    /// <summary>Stands in for Entra ID at the cloud boundary: issues a fixed token and records the scopes asked for.</summary>
    private sealed class IssuedToken(string token) : TokenCredential
    {
        public List<string> Scopes { get; } = [];

        public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken)
        {
            lock (Scopes)
            {
                Scopes.AddRange(requestContext.Scopes);
            }

            return new AccessToken(token, DateTimeOffset.UtcNow.AddHours(1));
        }

        public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            ValueTask.FromResult(GetToken(requestContext, cancellationToken));
    }
}
