using System.Collections.Concurrent;
using Bot.Host.Storage.Postgres;
using Bot.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace Bot.Tests.Storage;

/// <summary>
/// Two hosts' Direct Line change notifiers on one PostgreSQL (LISTEN/NOTIFY): a change told by one host is heard by
/// the other, with its conversation and watermark, and not by the host that told it.
/// </summary>
[Collection(SharedPostgresServer.Name)]
public sealed class PostgresTranscriptNotifierTests(PostgresServer server)
{
    [Fact]
    public async Task A_change_on_one_host_is_heard_by_the_other_only()
    {
        var connectionString = server.CreateDatabase();
        using var databaseA = new PostgresDatabase(connectionString, NullLogger<PostgresDatabase>.Instance);
        using var databaseB = new PostgresDatabase(connectionString, NullLogger<PostgresDatabase>.Instance);
        var hostA = new PostgresTranscriptNotifier(databaseA, NullLogger<PostgresTranscriptNotifier>.Instance);
        var hostB = new PostgresTranscriptNotifier(databaseB, NullLogger<PostgresTranscriptNotifier>.Instance);
        var heardA = new ConcurrentQueue<(string, int)>();
        var heardB = new ConcurrentQueue<(string, int)>();
        using var listenA = hostA.Listen((conversation, watermark) => heardA.Enqueue((conversation, watermark)));
        using var listenB = hostB.Listen((conversation, watermark) => heardB.Enqueue((conversation, watermark)));

        hostA.Changed("dl_conv|with-a-bar", 3);
        hostA.Changed("dl_other", 7);
        hostB.Changed("dl_from-b", 1);

        var waited = System.Diagnostics.Stopwatch.StartNew();
        while ((heardB.Count < 2 || heardA.IsEmpty) && waited.Elapsed < TimeSpan.FromSeconds(20))
        {
            await Task.Delay(50, TestContext.Token);
        }

        await Task.Delay(300, TestContext.Token); // anything sent twice or to its sender would have arrived by now
        Assert.Equal([("dl_conv|with-a-bar", 3), ("dl_other", 7)], heardB.ToArray());
        Assert.Equal([("dl_from-b", 1)], heardA.ToArray());
    }

    [Fact]
    public async Task A_change_is_heard_when_its_transaction_commits_and_never_when_it_rolls_back()
    {
        var connectionString = server.CreateDatabase();
        using var databaseA = new PostgresDatabase(connectionString, NullLogger<PostgresDatabase>.Instance);
        using var databaseB = new PostgresDatabase(connectionString, NullLogger<PostgresDatabase>.Instance);
        var hostA = new PostgresTranscriptNotifier(databaseA, NullLogger<PostgresTranscriptNotifier>.Instance);
        var hostB = new PostgresTranscriptNotifier(databaseB, NullLogger<PostgresTranscriptNotifier>.Instance);
        var heardB = new ConcurrentQueue<(string, int)>();
        using var listenB = hostB.Listen((conversation, watermark) => heardB.Enqueue((conversation, watermark)));

        Assert.Throws<InvalidOperationException>(() => databaseA.Transactions.Run(() =>
        {
            hostA.Changed("dl_undone", 2);
            throw new InvalidOperationException("the turn failed");
        }));
        databaseA.Transactions.Run(() =>
        {
            hostA.Changed("dl_kept", 5);
            Assert.True(heardB.IsEmpty); // not before the commit
        });

        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (heardB.IsEmpty && waited.Elapsed < TimeSpan.FromSeconds(20))
        {
            await Task.Delay(50, TestContext.Token);
        }

        await Task.Delay(300, TestContext.Token);
        Assert.Equal([("dl_kept", 5)], heardB.ToArray());
    }
}
