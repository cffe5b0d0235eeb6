using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Bot.Tests.Host.WhatsApp;

/// <summary>
/// A local stand-in for the Graph API on real Kestrel (127.0.0.1, random port): records every send, answers
/// with wamids, serves media metadata and bytes, and fails on demand with the errors WhatsApp really returns.
/// </summary>
public sealed class StubGraphServer : IAsyncDisposable
{
    public const string Token = "test-access-token";
    private readonly WebApplication _app;
    private readonly object _gate = new();
    private readonly List<JsonObject> _accepted = [];
    private readonly Queue<(int Status, int Code)> _failures = new();
    private int _holdNext;
    private int _attempts;
    private int _downloads;

    private StubGraphServer(WebApplication app) => _app = app;

    public Uri BaseUrl { get; private set; } = null!;

    /// <summary>Media the stub can serve, by media id.</summary>
    public Dictionary<string, (byte[] Bytes, string MimeType)> Media { get; } = [];

    public int Attempts => Volatile.Read(ref _attempts);

    public int Downloads => Volatile.Read(ref _downloads);

    public IReadOnlyList<JsonObject> Accepted
    {
        get
        {
            lock (_gate)
            {
                return [.. _accepted];
            }
        }
    }

    public static async Task<StubGraphServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var stub = new StubGraphServer(app);
        app.MapPost("/{version}/{phoneNumberId}/messages", stub.SendAsync);
        app.MapGet("/cdn/media/{id}", stub.Download);
        app.MapGet("/{version}/{mediaId}", stub.Metadata);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        stub.BaseUrl = new Uri(address + "/");
        return stub;
    }

    /// <summary>The next <paramref name="times"/> sends fail with this HTTP status and Graph error code.</summary>
    public void FailNext(int status, int code, int times = 1)
    {
        lock (_gate)
        {
            for (var i = 0; i < times; i++)
            {
                _failures.Enqueue((status, code));
            }
        }
    }

    /// <summary>
    /// The next send is accepted (recorded like any other) but never answered until the caller gives up: the
    /// message is with WhatsApp, and the bot never hears so (a crash or a lost answer between send and mark).
    /// </summary>
    public void HoldNextAnswer() => Interlocked.Exchange(ref _holdNext, 1);

    /// <summary>Waits until at least <paramref name="count"/> messages were accepted.</summary>
    public async Task<IReadOnlyList<JsonObject>> WaitForAcceptedAsync(int count, TimeSpan? timeout = null)
    {
        var deadline = Environment.TickCount64 + (long)(timeout ?? TimeSpan.FromSeconds(15)).TotalMilliseconds;
        while (Environment.TickCount64 < deadline)
        {
            var accepted = Accepted;
            if (accepted.Count >= count)
            {
                return accepted;
            }

            await Task.Delay(20);
        }

        throw new TimeoutException($"Expected {count} sends, got {Accepted.Count}.");
    }

    private async Task<IResult> SendAsync(HttpContext context, string phoneNumberId)
    {
        Interlocked.Increment(ref _attempts);
        if (context.Request.Headers.Authorization != "Bearer " + Token)
        {
            return Error(401, 190, "Invalid OAuth access token.");
        }

        var body = (await JsonNode.ParseAsync(context.Request.Body))!.AsObject();
        body["_phoneNumberId"] = phoneNumberId;
        if (Interlocked.Exchange(ref _holdNext, 0) == 1)
        {
            lock (_gate)
            {
                _accepted.Add(body);
            }

            await Task.Delay(Timeout.Infinite, context.RequestAborted).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            return Results.StatusCode(504);
        }

        lock (_gate)
        {
            if (_failures.TryDequeue(out var failure))
            {
                return Error(failure.Status, failure.Code, "Planned failure");
            }

            _accepted.Add(body);
            var id = "wamid.out." + _accepted.Count;
            return Results.Json(new
            {
                messaging_product = "whatsapp",
                contacts = new[] { new { input = (string?)body["to"]?.GetValue<string>(), wa_id = (string?)body["to"]?.GetValue<string>() } },
                messages = new[] { new { id } },
            });
        }
    }

    private IResult Metadata(HttpContext context, string mediaId)
    {
        if (context.Request.Headers.Authorization != "Bearer " + Token || !Media.TryGetValue(mediaId, out var media))
        {
            return Error(404, 100, "Unknown media");
        }

        return Results.Json(new
        {
            url = new Uri(BaseUrl, "cdn/media/" + mediaId).ToString(),
            mime_type = media.MimeType,
            sha256 = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(media.Bytes)),
            file_size = media.Bytes.Length,
            id = mediaId,
            messaging_product = "whatsapp",
        });
    }

    private IResult Download(HttpContext context, string id)
    {
        if (context.Request.Headers.Authorization != "Bearer " + Token || !Media.TryGetValue(id, out var media))
        {
            return Results.StatusCode(404);
        }

        Interlocked.Increment(ref _downloads);
        return Results.Bytes(media.Bytes, media.MimeType);
    }

    private static IResult Error(int status, int code, string message) =>
        Results.Json(new { error = new { message, type = "OAuthException", code, fbtrace_id = "stub" } }, statusCode: status);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
