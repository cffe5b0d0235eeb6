using System.Net.WebSockets;
using System.Text.Json;
using Bot.Dialogs.Understanding;
using Bot.Tests.Host.DirectLine;
using Bot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using static Bot.Tests.Host.DirectLine.DirectLineTestClient;

namespace Bot.Tests.Storage;

/// <summary>
/// Two real hosts (Kestrel) on one PostgreSQL, no affinity: a web chat's socket is open on host A while its message
/// is posted to host B; the echo and the reply of the turn B ran reach the socket on A (LISTEN/NOTIFY, then A reads
/// them from the shared log).
/// </summary>
[Collection(SharedPostgresServer.Name)]
public sealed class PostgresDirectLineAcrossHostsTests(PostgresServer server) : IDisposable
{
    private readonly TempDirectory _first = new();
    private readonly TempDirectory _second = new();

    [Fact]
    public async Task A_socket_on_one_host_gets_the_reply_of_a_turn_posted_to_another()
    {
        var settings = new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "Postgres",
            ["ConnectionStrings:Sinergi"] = server.CreateDatabase(),
            ["DirectLine:TokenSigningKey"] = "a-shared-signing-key-of-at-least-32-characters",
        };
        using var hostA = new KestrelHost(_first.Path, settings);
        using var hostB = new KestrelHost(_second.Path, settings);
        // The turn runs after B's POST returned and first waits for B's understanding model (minutes on a loaded
        // machine, beyond the socket's 20 s): wait for that training here first.
        await Task.Run(hostB.Services.GetRequiredService<MessageUnderstander>().WarmUp, TestContext.Token);
        using var httpA = hostA.CreateNetworkClient();
        using var httpB = new HttpClient { BaseAddress = hostB.BaseAddress, Timeout = TimeSpan.FromMinutes(2) };
        var onA = new DirectLineTestClient(httpA);
        await onA.GenerateAsync();
        var (_, started) = await onA.StartAsync();
        using var socket = new ClientWebSocket();
        await socket.ConnectAsync(new Uri(started.GetProperty("streamUrl").GetString()!), TestContext.Token);
        var received = new List<JsonElement>();
        await DirectLineStreamTests.ReceiveUntilAsync(socket, received, 1); // the welcome

        var onB = new DirectLineTestClient(httpB) { ConversationId = onA.ConversationId, Token = onA.Token };
        var posted = await onB.PostMessageAsync("bantuan", "client-on-b");

        await DirectLineStreamTests.ReceiveUntilAsync(socket, received, 3);
        Assert.Contains(received, a => a.GetProperty("id").GetString() == posted);
        var reply = Assert.Single(received, a => Role(a) == "bot" && a.TryGetProperty("replyToId", out var to) && to.GetString() == posted);
        Assert.NotEmpty(Text(reply));
    }

    public void Dispose()
    {
        _first.Dispose();
        _second.Dispose();
    }
}
