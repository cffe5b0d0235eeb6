using Bot.Dialogs.Storage;
using Bot.Host.Storage.LiteDb;
using Bot.Tests.Support;
using LiteDB;
using Microsoft.Extensions.Options;

namespace Bot.Tests.Reliability;

/// <summary>
/// LiteDB 5.0.x breaks its free-page list when threads write to different collections at once; the shared
/// database must let them through one at a time (the load benchmark found this within seconds).
/// </summary>
public sealed class SinergiDatabaseConcurrencyTests : IDisposable
{
    private const int Iterations = 150;
    private readonly TempDirectory _folder = new();

    // Transactions write one "log" document each: every third step, except where writer 5 empties its collection.
    private static int ExpectedLogCount =>
        Enumerable.Range(0, 6).Sum(w => Enumerable.Range(0, Iterations).Count(i => i % 3 == 0 && !(w == 5 && i % 20 == 0)));

    [Fact]
    public async Task ConcurrentWritersOnDifferentCollectionsLeaveTheFileIntact()
    {
        var options = Options.Create(new StorageOptions { DataDirectory = _folder.Path });
        using (var database = new SinergiDatabase(options))
        {
            var writers = Enumerable.Range(0, 6).Select(w => Task.Run(
                () =>
                {
                    var mine = database.Collection<BsonDocument>($"stress{w % 3}");
                    for (var i = 0; i < Iterations; i++)
                    {
                        if (w == 5 && i % 20 == 0)
                        {
                            mine.DeleteAll();
                            continue;
                        }

                        if (i % 3 == 0)
                        {
                            database.InTransaction(() =>
                            {
                                mine.Insert(new BsonDocument { ["w"] = w, ["i"] = i, ["pad"] = new string('x', 900) });
                                database.Collection<BsonDocument>("log").Insert(new BsonDocument { ["w"] = w });
                            });
                        }
                        else
                        {
                            mine.Insert(new BsonDocument { ["w"] = w, ["i"] = i, ["pad"] = new string('y', 1500) });
                        }

                        _ = mine.Count();
                    }
                },
                TestContext.Token));
            await Task.WhenAll(writers);
            Assert.Equal(ExpectedLogCount, database.Collection<BsonDocument>("log").Count());
        }

        using var reopened = new SinergiDatabase(options);
        reopened.Collection<BsonDocument>("after").Insert(new BsonDocument { ["ok"] = true });
        Assert.Equal(ExpectedLogCount, reopened.Collection<BsonDocument>("log").Count());
    }

    [Fact]
    public async Task EveryWriteIsOnDiskWhenItsCallReturns()
    {
        var options = Options.Create(new StorageOptions { DataDirectory = _folder.Path });
        using var database = new SinergiDatabase(options);
        var notes = database.Collection<BsonDocument>("notes");
        var unsynced = new System.Collections.Concurrent.ConcurrentBag<long>();

        await Task.WhenAll(Enumerable.Range(0, 4).Select(w => Task.Run(
            () =>
            {
                for (var i = 0; i < 50; i++)
                {
                    notes.Insert(new BsonDocument { ["w"] = w, ["i"] = i });
                    database.InTransaction(() => notes.Insert(new BsonDocument { ["w"] = w, ["t"] = i }));
                }
            },
            TestContext.Token)));

        // Every call synced the log before returning; with all writers done nothing may be left unsynced.
        Assert.Equal(0, database.UnsyncedLogWrites);
        Assert.Equal(400, notes.Count());
        Assert.True(File.Exists(Path.Combine(_folder.Path, "sinergi-log.db")));
    }

    [Fact]
    public void ACleanCloseLeavesNoLogAndTheDataReopens()
    {
        var options = Options.Create(new StorageOptions { DataDirectory = _folder.Path });
        using (var database = new SinergiDatabase(options))
        {
            database.Collection<BsonDocument>("notes").Insert(new BsonDocument { ["kept"] = true });
        }

        Assert.False(File.Exists(Path.Combine(_folder.Path, "sinergi-log.db")));
        using var reopened = new SinergiDatabase(options);
        Assert.Equal(1, reopened.Collection<BsonDocument>("notes").Count());
    }

    public void Dispose() => _folder.Dispose();
}
