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
/// A local OpenAI-compatible chat completions server on a loopback port: the real Semantic Kernel connector
/// talks to it over HTTP. <see cref="Mode"/> decides the reply.
/// </summary>
public sealed partial class StubChatServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _requests;

    private StubChatServer(WebApplication app) => _app = app;

    public enum Reply
    {
        /// <summary>Answers citing the first passage it was given.</summary>
        CiteGivenPassage,

        /// <summary>Answers citing an article it was not given.</summary>
        InventCitation,

        /// <summary>HTTP 429 Too Many Requests.</summary>
        TooManyRequests,

        /// <summary>Waits 30 seconds before answering.</summary>
        Hang,
    }

    public Reply Mode { get; set; } = Reply.CiteGivenPassage;

    public int Requests => Volatile.Read(ref _requests);

    /// <summary>The OpenAI-compatible base address, e.g. http://127.0.0.1:5123/v1/.</summary>
    public string Endpoint { get; private set; } = string.Empty;

    /// <summary>The user message of the last request.</summary>
    public string? LastPrompt { get; private set; }

    public static async Task<StubChatServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new StubChatServer(app);
        app.MapPost("/v1/chat/completions", server.HandleAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.Endpoint = address.TrimEnd('/') + "/v1/";
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task<IResult> HandleAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _requests);
        using var body = await JsonDocument.ParseAsync(request.Body, cancellationToken: cancellationToken);
        LastPrompt = body.RootElement.GetProperty("messages").EnumerateArray()
            .Last(m => m.GetProperty("role").GetString() == "user").GetProperty("content").GetString();
        switch (Mode)
        {
            case Reply.TooManyRequests:
                return Results.Json(new { error = new { message = "Rate limit reached", type = "rate_limit_exceeded" } }, statusCode: 429);
            case Reply.Hang:
                await Task.Delay(TimeSpan.FromSeconds(30), cancellationToken);
                return Results.StatusCode(504);
            case Reply.InventCitation:
                return Completion("Menurut aturan, pecandu wajib lapor [UU 35/2009 Pasal 999].");
            default:
                var key = FirstKey().Match(LastPrompt ?? string.Empty).Groups[1].Value;
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
