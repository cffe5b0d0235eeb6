using Bot.Dialogs.Storage;
using Bot.Host.Storage.LiteDb;
using Bot.Tests.Support;
using LiteDB;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Bot.Tests.Dialogs.Storage;

/// <summary>Turns that commit together: all durable, each released only after its own write committed.</summary>
public sealed class GroupCommitterTests : IDisposable
{
    private readonly TempDirectory _folder = new();

    [Fact]
    public async Task ConcurrentWritesAllLandDurably()
    {
        var options = Options.Create(new StorageOptions { DataDirectory = _folder.Path });
        var transactions = 0;
        using (var database = new SinergiDatabase(options))
        using (var commits = new GroupCommitter(database, NullLogger<GroupCommitter>.Instance))
        {
            var rows = database.Collection<BsonDocument>("rows");
            var writers = Enumerable.Range(0, 400).Select(i => Task.Run(
                () => commits.CommitAsync(
                    () =>
                    {
                        rows.Insert(new BsonDocument { ["_id"] = i });
                        database.AfterCommit(() => Interlocked.Increment(ref transactions));
                    },
                    TestContext.Token),
                TestContext.Token));
            await Task.WhenAll(writers);

            // Every caller that was released sees its own row.
            Assert.Equal(400, rows.Count());
            Assert.Equal(400, transactions);
            Assert.Equal(0, database.UnsyncedLogWrites);
        }

        using var reopened = new SinergiDatabase(options);
        Assert.Equal(400, reopened.Collection<BsonDocument>("rows").Count());
    }

    [Fact]
    public async Task OneFailingWriteDoesNotTakeTheOthersWithIt()
    {
        using var database = new SinergiDatabase(Options.Create(new StorageOptions { DataDirectory = _folder.Path }));
        using var commits = new GroupCommitter(database, NullLogger<GroupCommitter>.Instance);
        var rows = database.Collection<BsonDocument>("rows");
        rows.Insert(new BsonDocument { ["_id"] = 7 });
        var afterCommitOfTheBadWrite = 0;

        // Enough writers that some share a batch with the duplicate key.
        var writers = Enumerable.Range(0, 50).Select(i => commits.CommitAsync(
            () =>
            {
                rows.Insert(new BsonDocument { ["_id"] = i == 25 ? 7 : 100 + i });
                if (i == 25)
                {
                    database.AfterCommit(() => afterCommitOfTheBadWrite++);
                }
            },
            TestContext.Token)).ToList();

        var bad = writers[25];
        await Assert.ThrowsAsync<LiteException>(() => bad);
        await Task.WhenAll(writers.Where(w => w != bad));
        Assert.Equal(50, rows.Count());
        Assert.Equal(0, afterCommitOfTheBadWrite);
    }

    [Fact]
    public async Task DisposingCommitsWhatIsQueuedAndThenRefuses()
    {
        var options = Options.Create(new StorageOptions { DataDirectory = _folder.Path });
        using var database = new SinergiDatabase(options);
        var commits = new GroupCommitter(database, NullLogger<GroupCommitter>.Instance);
        var rows = database.Collection<BsonDocument>("rows");
        var queued = Enumerable.Range(0, 20).Select(i => commits.CommitAsync(() => rows.Insert(new BsonDocument { ["_id"] = i }), TestContext.Token)).ToList();
        commits.Dispose();
        await Task.WhenAll(queued);
        Assert.Equal(20, rows.Count());
        await Assert.ThrowsAsync<ObjectDisposedException>(() => commits.CommitAsync(() => { }, TestContext.Token));
    }

    public void Dispose() => _folder.Dispose();
}
