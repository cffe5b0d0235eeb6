using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Bot.Tests.Knowledge;

/// <summary>
/// A local chat completions server on a loopback port speaking both wire formats the answerer uses: OpenAI's
/// <c>POST /v1/chat/completions</c> (bearer key) and Azure OpenAI's
/// <c>POST /openai/deployments/{deployment}/chat/completions?api-version=…</c> (<c>api-key</c> header or an Entra ID
/// bearer token). The real Semantic Kernel connectors talk to it over HTTP. A request that rewrites the question
/// (its system prompt starts "Rewrite") gets <see cref="Rewrite"/>; an answer request gets what <see cref="Mode"/> says.
/// </summary>
public sealed partial class StubChatServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<StubRequest> _requests = new();

    private StubChatServer(WebApplication app) => _app = app;

    public enum Reply
    {
        /// <summary>Answers citing the first passage it was given.</summary>
        CiteGivenPassage,

        /// <summary>Answers citing an article it was not given.</summary>
        InventCitation,

        /// <summary>Says the passages do not answer the question.</summary>
        NotCovered,

        /// <summary>HTTP 429 Too Many Requests.</summary>
        TooManyRequests,

        /// <summary>Waits 30 seconds before answering.</summary>
        Hang,
    }

    public Reply Mode { get; set; } = Reply.CiteGivenPassage;

    /// <summary>The rewrite returned for a rewrite request.</summary>
    public string Rewrite { get; set; } = "pecandu wajib lapor IPWL rehabilitasi";

    /// <summary>Every request received, in order.</summary>
    public IReadOnlyList<StubRequest> Requests => [.. _requests];

    /// <summary>The OpenAI-compatible base address, e.g. http://127.0.0.1:5123/v1/.</summary>
    public string Endpoint { get; private set; } = string.Empty;

    /// <summary>The Azure OpenAI resource address, e.g. http://127.0.0.1:5123/.</summary>
    public string AzureEndpoint { get; private set; } = string.Empty;

    /// <summary>The user message of the last answer request.</summary>
    public string? LastPrompt => _requests.LastOrDefault(r => !r.IsRewrite)?.UserMessage;

    public static async Task<StubChatServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new StubChatServer(app);
        app.MapPost("/v1/chat/completions", (HttpRequest request, CancellationToken token) => server.HandleAsync(request, null, token));
        app.MapPost("/openai/deployments/{deployment}/chat/completions", (HttpRequest request, string deployment, CancellationToken token) => server.HandleAsync(request, deployment, token));
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
        server.Endpoint = address + "/v1/";
        server.AzureEndpoint = address + "/";
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task<IResult> HandleAsync(HttpRequest request, string? deployment, CancellationToken cancellationToken)
    {
        using var body = await JsonDocument.ParseAsync(request.Body, cancellationToken: cancellationToken);
        var messages = body.RootElement.GetProperty("messages").EnumerateArray().ToList();
        var system = messages.FirstOrDefault(m => m.GetProperty("role").GetString() == "system") is { ValueKind: JsonValueKind.Object } s
            ? s.GetProperty("content").GetString() ?? string.Empty
            : string.Empty;
        var user = messages.Last(m => m.GetProperty("role").GetString() == "user").GetProperty("content").GetString();
        var isRewrite = system.StartsWith("Rewrite", StringComparison.Ordinal);
        _requests.Enqueue(new StubRequest(
            request.Path.Value ?? string.Empty,
            deployment,
            request.Query["api-version"].ToString(),
            request.Headers["api-key"].ToString(),
            request.Headers.Authorization.ToString(),
            isRewrite,
            user));

        switch (Mode)
        {
            case Reply.TooManyRequests:
                return Results.Json(new { error = new { message = "Rate limit reached", type = "rate_limit_exceeded" } }, statusCode: 429);
            case Reply.Hang:
                await Task.Delay(TimeSpan.FromSeconds(30), cancellationToken);
                return Results.StatusCode(504);
        }

        if (isRewrite)
        {
            return Completion(Rewrite);
        }

        if (system.StartsWith("You write test questions", StringComparison.Ordinal))
        {
            return Completion("1. Apa isi pasal ini?\n- gmn aturan ini berlaku?\n- brp lama aturan ini berlaku?");
        }

        switch (Mode)
        {
            case Reply.InventCitation:
                return Completion("Menurut aturan, pecandu wajib lapor [UU 35/2009 Pasal 999].");
            case Reply.NotCovered:
                return Completion("NOT_COVERED");
            default:
                var key = FirstKey().Match(user ?? string.Empty).Groups[1].Value;
                return Completion($"Pecandu melapor ke IPWL untuk direhabilitasi [{key}].");
        }
    }

    private static IResult Completion(string content) => Results.Json(new
    {
        id = "chatcmpl-stub",
        @object = "chat.completion",
        created = 1_700_000_000,
        model = "stub-model",
        choices = new[] { new { index = 0, message = new { role = "assistant", content }, finish_reason = "stop" } },
        usage = new { prompt_tokens = 10, completion_tokens = 10, total_tokens = 20 },
    });

    [GeneratedRegex(@"^\[([^\]]+)\] \(", RegexOptions.Multiline)]
    private static partial Regex FirstKey();
}

/// <summary>What the stub saw of one request.</summary>
public sealed record StubRequest(string Path, string? Deployment, string ApiVersion, string ApiKey, string Authorization, bool IsRewrite, string? UserMessage);
