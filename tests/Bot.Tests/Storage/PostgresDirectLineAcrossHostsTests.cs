using System.Net.WebSockets;
using System.Text.Json;
using Bot.Dialogs.Understanding;
using Bot.Tests.Host.DirectLine;
using Bot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using static Bot.Tests.Host.DirectLine.DirectLineTestClient;

namespace Bot.Tests.Storage;

/// <summary>
/// Two real hosts (Kestrel) on one PostgreSQL, no affinity. A web chat's socket is open on host A while its message
/// is posted to host B; the echo and the reply of the turn B ran reach the socket on A (LISTEN/NOTIFY, then A reads
/// them from the shared log). A message posted to A and sent again to B under the same <c>clientActivityID</c> (a
/// client's retry after A's answer was lost) runs nothing on B, which answers with A's id.
/// </summary>
[Collection(SharedPostgresServer.Name)]
public sealed class PostgresDirectLineAcrossHostsTests(PostgresServer server) : IDisposable
{
    private readonly TempDirectory _first = new();
    private readonly TempDirectory _second = new();

    [Fact]
    public async Task A_socket_on_one_host_gets_the_reply_of_a_turn_posted_to_another()
    {
        var settings = Settings();
        using var hostA = new KestrelHost(_first.Path, settings);
        using var hostB = new KestrelHost(_second.Path, settings);
        using var httpA = hostA.CreateNetworkClient();
        using var httpB = await ReadyClientAsync(hostB);
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

    [Fact]
    public async Task A_message_sent_again_to_another_host_runs_nothing_there()
    {
        var settings = Settings();
        using var hostA = new KestrelHost(_first.Path, settings);
        using var hostB = new KestrelHost(_second.Path, settings);
        using var httpA = await ReadyClientAsync(hostA);
        using var httpB = await ReadyClientAsync(hostB);
        var onA = new DirectLineTestClient(httpA);
        await onA.GenerateAsync();
        await onA.StartAsync();
        await onA.PollUntilAsync("", 1); // the welcome
        var onB = new DirectLineTestClient(httpB) { ConversationId = onA.ConversationId, Token = onA.Token };

        var first = await onA.PostMessageAsync("bantuan", "client-resent");
        var again = await onB.PostMessageAsync("bantuan", "client-resent");

        Assert.Equal(first, again);
        var (log, _) = await onB.PollAsync("1");
        var echo = Assert.Single(log, a => Role(a) == "user");
        Assert.Equal(first, echo.GetProperty("id").GetString());
        var reply = Assert.Single(log, a => Role(a) == "bot");
        Assert.Equal(first, reply.GetProperty("replyToId").GetString());
    }

    public void Dispose()
    {
        _first.Dispose();
        _second.Dispose();
    }

    /// <summary>Both hosts on one new database, with the shared token signing key several hosts need.</summary>
    private Dictionary<string, string?> Settings() => new()
    {
        ["Storage:Provider"] = "Postgres",
        ["ConnectionStrings:Sinergi"] = server.CreateDatabase(),
        ["DirectLine:TokenSigningKey"] = "a-shared-signing-key-of-at-least-32-characters",
    };

    /// <summary>
    /// A client of a host whose understanding model is trained: a turn first waits for it (minutes on a loaded machine,
    /// beyond a socket's 20 s), so the training is awaited here.
    /// </summary>
    private static async Task<HttpClient> ReadyClientAsync(KestrelHost host)
    {
        await Task.Run(host.Services.GetRequiredService<MessageUnderstander>().WarmUp, TestContext.Token);
        return new HttpClient { BaseAddress = host.BaseAddress, Timeout = TimeSpan.FromMinutes(2) };
    }
}
