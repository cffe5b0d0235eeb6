using System.Collections.Concurrent;
using System.Text.Json;
using Bot.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace Bot.Tests.Reliability;

/// <summary>
/// A Bot Framework channel on a random loopback port (send-to-conversation, protocol §2.2) that records every
/// activity the moment it arrives, as a real channel would show it to the user, and then answers at once or holds
/// the answer until the caller goes away. A held request is a message the channel accepted whose acceptance the
/// bot never hears about: exactly the window a crash can hit.
/// </summary>
internal sealed class ConnectorStub : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<StubDelivery> _deliveries = new();
    private readonly CancellationTokenSource _released = new();
    private int _received;
    private volatile int _answerFirst = int.MaxValue;
    private volatile int _phase = 1;

    private ConnectorStub(WebApplication app) => _app = app;

    /// <summary>Requests numbered above this are held (not answered); <see cref="int.MaxValue"/> answers everything.</summary>
    public int AnswerFirst
    {
        get => _answerFirst;
        set => _answerFirst = value;
    }

    /// <summary>Stamped on each delivery, to tell the run before the kill from the run after it.</summary>
    public int Phase
    {
        get => _phase;
        set => _phase = value;
    }

    public string ServiceUrl { get; private set; } = string.Empty;

    public IReadOnlyList<StubDelivery> Deliveries => [.. _deliveries];

    public int Received => Volatile.Read(ref _received);

    public static async Task<ConnectorStub> StartAsync(CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var stub = new ConnectorStub(app);
        app.MapPost("/v3/conversations/{conversationId}/activities", stub.ReceiveAsync);
        await app.StartAsync(cancellationToken);
        stub.ServiceUrl = app.Urls.Single() + "/";
        return stub;
    }

    /// <summary>Waits until at least <paramref name="count"/> requests arrived.</summary>
    public async Task WaitForAsync(int count, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (Received < count)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"The channel got {Received} of {count} expected requests within {timeout}.");
            }

            await Task.Delay(20, cancellationToken);
        }
    }

    /// <summary>Answers every request held so far with 503 (as a channel that dropped them would).</summary>
    public Task ReleaseAsync() => _released.CancelAsync();

    public async ValueTask DisposeAsync()
    {
        await _released.CancelAsync();
        await _app.StopAsync(TestContext.Token);
        await _app.DisposeAsync();
        _released.Dispose();
    }

    private async Task<IResult> ReceiveAsync(string conversationId, HttpContext context)
    {
        using var body = await JsonDocument.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted);
        var activity = body.RootElement;
        var number = Interlocked.Increment(ref _received);
        _deliveries.Enqueue(new StubDelivery(
            number,
            Phase,
            conversationId,
            activity.TryGetProperty("channelData", out var data) && data.ValueKind == JsonValueKind.Object && data.TryGetProperty("clientActivityID", out var id) ? id.GetString() : null,
            activity.TryGetProperty("text", out var text) ? text.GetString() ?? string.Empty : string.Empty));

        if (number > AnswerFirst)
        {
            using var held = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, _released.Token);
            try
            {
                await Task.Delay(Timeout.Infinite, held.Token);
            }
            catch (OperationCanceledException)
            {
                return Results.StatusCode(StatusCodes.Status503ServiceUnavailable); // nobody is listening any more
            }
        }

        return Results.Ok(new { id = "stub-" + number });
    }
}

/// <summary>One activity as the channel received it.</summary>
internal sealed record StubDelivery(int Number, int Phase, string ConversationId, string? ClientActivityId, string Text);
