using Bot.Dialogs.Understanding;
using Bot.Tests.Host.DirectLine;
using Bot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using static Bot.Tests.Host.DirectLine.DirectLineTestClient;

namespace Bot.Tests.Storage;

/// <summary>
/// Two real hosts (Kestrel) on one PostgreSQL, no affinity: a message posted to host A is sent again to host B under
/// the same <c>clientActivityID</c> (Web Chat's retry after A's answer was lost). B runs nothing, answers 200 with A's
/// id, and the shared log holds one echo and one turn's replies. On main B ran the turn a second time under a new id.
/// </summary>
[Collection(SharedPostgresServer.Name)]
public sealed class PostgresDirectLineResendTests(PostgresServer server) : IDisposable
{
    private readonly TempDirectory _first = new();
    private readonly TempDirectory _second = new();

    [Fact]
    public async Task A_message_sent_again_to_another_host_runs_nothing_there()
    {
        var settings = new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "Postgres",
            ["ConnectionStrings:Sinergi"] = server.CreateDatabase(),
            ["DirectLine:TokenSigningKey"] = "a-shared-signing-key-of-at-least-32-characters",
        };
        using var hostA = new KestrelHost(_first.Path, settings);
        using var hostB = new KestrelHost(_second.Path, settings);
        await Task.Run(hostA.Services.GetRequiredService<MessageUnderstander>().WarmUp, TestContext.Token);
        await Task.Run(hostB.Services.GetRequiredService<MessageUnderstander>().WarmUp, TestContext.Token);
        using var httpA = new HttpClient { BaseAddress = hostA.BaseAddress, Timeout = TimeSpan.FromMinutes(2) };
        using var httpB = new HttpClient { BaseAddress = hostB.BaseAddress, Timeout = TimeSpan.FromMinutes(2) };
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
}
