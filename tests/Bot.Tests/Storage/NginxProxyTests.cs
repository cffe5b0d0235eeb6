using System.Diagnostics;
using System.Net;
using System.Net.WebSockets;
using System.Text.Json;
using Bot.Tests.Host.DirectLine;
using Bot.Tests.Support;
using Xunit.Abstractions;
using static Bot.Tests.Host.DirectLine.DirectLineTestClient;

namespace Bot.Tests.Storage;

/// <summary>
/// The README's reverse-proxy sample (<c>deploy/nginx/sinergi.conf</c>, shown in "Running several hosts") run by
/// Debian's nginx in front of two real hosts on one PostgreSQL: a web chat conversation through the proxy, its socket
/// upgraded through nginx and receiving the replies of turns the proxy sent to either host, and <c>/readyz</c>.
/// </summary>
[Collection(SharedPostgresServer.Name)]
public sealed class NginxProxyTests(PostgresServer server, ITestOutputHelper output) : IDisposable
{
    private readonly TempDirectory _first = new();
    private readonly TempDirectory _second = new();

    [Fact]
    public void The_readme_shows_the_sample_file_as_it_is()
    {
        var readme = File.ReadAllText(InRepository("README.md"));
        var sample = File.ReadAllText(InRepository("deploy/nginx/sinergi.conf"));
        Assert.Contains("```nginx\n" + sample + "```", readme, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_web_chat_conversation_and_readiness_go_through_the_sample_configuration()
    {
        var clock = Stopwatch.StartNew();
        var settings = new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "Postgres",
            ["ConnectionStrings:Sinergi"] = server.CreateDatabase(),
            ["DirectLine:TokenSigningKey"] = "a-shared-signing-key-of-at-least-32-characters",
            // What README's operator table sets: the hosts believe the proxy's X-Forwarded-Proto (stream URL wss://).
            ["ForwardedHeaders_Enabled"] = "true",
        };
        using var hostA = new KestrelHost(_first.Path, settings);
        using var hostB = new KestrelHost(_second.Path, settings);
        using var proxy = new NginxProxy(File.ReadAllText(InRepository("deploy/nginx/sinergi.conf")), [hostA.BaseAddress, hostB.BaseAddress]);
        using var http = proxy.CreateClient();
        var started = clock.Elapsed;

        using (var ready = await http.GetAsync(new Uri("/readyz", UriKind.Relative), TestContext.Token))
        {
            Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
            Assert.Contains("\"knowledge\"", await ready.Content.ReadAsStringAsync(TestContext.Token), StringComparison.Ordinal);
        }

        var client = new DirectLineTestClient(http);
        await client.GenerateAsync();
        var (status, conversation) = await client.StartAsync();
        Assert.Equal(HttpStatusCode.Created, status);
        var streamUrl = new Uri(conversation.GetProperty("streamUrl").GetString()!);
        Assert.Equal(("wss", proxy.Port), (streamUrl.Scheme, streamUrl.Port));

        using var socket = new ClientWebSocket();
        socket.Options.RemoteCertificateValidationCallback = (_, presented, _, _) => presented?.GetCertHashString() == proxy.Certificate.GetCertHashString();
        await socket.ConnectAsync(streamUrl, TestContext.Token);
        var received = new List<JsonElement>();
        await DirectLineStreamTests.ReceiveUntilAsync(socket, received, 1); // the welcome

        // Round robin: of two turns in a row, one runs on the host the socket is not on.
        var first = await client.PostMessageAsync("bantuan", "through-nginx-1");
        await ReceiveAsync(socket, received, 3, client);
        var second = await client.PostMessageAsync("bantuan", "through-nginx-2");
        await ReceiveAsync(socket, received, 5, client);
        foreach (var posted in new[] { first, second })
        {
            Assert.Contains(received, a => a.GetProperty("id").GetString() == posted);
            var reply = Assert.Single(received, a => Role(a) == "bot" && a.TryGetProperty("replyToId", out var to) && to.GetString() == posted);
            Assert.NotEmpty(Text(reply));
        }

        output.WriteLine($"two hosts and nginx up in {started.TotalSeconds:F1} s; the conversation through the proxy took {(clock.Elapsed - started).TotalSeconds:F1} s");
    }

    /// <summary>Waits for the socket's activities; when they do not come, says what the conversation's log holds.</summary>
    private static async Task ReceiveAsync(WebSocket socket, List<JsonElement> received, int count, DirectLineTestClient client)
    {
        try
        {
            // A host's first turn waits for its models (trained at start); on a loaded machine that takes a while.
            await DirectLineStreamTests.ReceiveUntilAsync(socket, received, count, TimeSpan.FromSeconds(90));
        }
        catch (OperationCanceledException)
        {
            var (logged, _) = await client.PollAsync(null);
            Assert.Fail($"the socket got {received.Count} activities of {count} ({string.Join(", ", received.Select(Text))}); the log holds {logged.Count} ({string.Join(", ", logged.Select(Text))})");
        }
    }

    private static string InRepository(string relative, [System.Runtime.CompilerServices.CallerFilePath] string here = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(here)!, "..", "..", "..", relative));

    public void Dispose()
    {
        _first.Dispose();
        _second.Dispose();
    }
}
