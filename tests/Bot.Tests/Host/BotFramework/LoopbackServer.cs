using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;

namespace Bot.Tests.Host.BotFramework;

/// <summary>
/// A real Kestrel server on 127.0.0.1 with a free port, standing in for a channel's Connector, a token endpoint
/// or an OpenID key host. It records every request and answers with the given delegate.
/// </summary>
internal sealed class LoopbackServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();

    private LoopbackServer(Func<RecordedRequest, HttpResponse, Task> respond)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [] });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        _app = builder.Build();
        _app.Run(async context =>
        {
            using var reader = new StreamReader(context.Request.Body);
            var recorded = new RecordedRequest(
                context.Request.Method,
                context.Features.Get<IHttpRequestFeature>()!.RawTarget,
                context.Request.Headers.Authorization.ToString(),
                context.Request.ContentType,
                await reader.ReadToEndAsync(context.RequestAborted));
            _requests.Enqueue(recorded);
            await respond(recorded, context.Response);
        });
    }

    public Uri BaseAddress { get; private set; } = null!;

    public IReadOnlyList<RecordedRequest> Requests => _requests.ToArray();

    /// <summary>Starts a server that answers every request with <paramref name="respond"/>.</summary>
    public static async Task<LoopbackServer> StartAsync(Func<RecordedRequest, HttpResponse, Task> respond)
    {
        var server = new LoopbackServer(respond);
        await server._app.StartAsync();
        server.BaseAddress = new Uri(server._app.Urls.Single() + "/");
        return server;
    }

    /// <summary>A Connector that accepts everything with 200 and a ResourceResponse.</summary>
    public static Task<LoopbackServer> StartAcceptingAsync() =>
        StartAsync((_, response) => response.WriteAsJsonAsync(new { id = "sent-" + Guid.NewGuid().ToString("N") }));

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}

/// <summary>One request as the server saw it; <see cref="RawTarget"/> keeps the escaping the client sent.</summary>
internal sealed record RecordedRequest(string Method, string RawTarget, string Authorization, string? ContentType, string Body);
