using Bot.Dialogs.Storage;
using Bot.Host.Storage.LiteDb;
using Bot.Tests.Support;
using LiteDB;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Bot.Tests.Storage;

/// <summary>
/// The unit of work on a real LiteDB file: writes are staged until the commit, a unit reads its own writes (by id
/// and through queries), nothing of an abandoned unit is kept, and a concurrent change to a record the unit wrote
/// fails its commit (which <see cref="UnitOfWorkRunner"/> answers by running the work again).
/// </summary>
public sealed class UnitOfWorkTests : IDisposable
{
    private readonly TempDirectory _folder = new();
    private readonly SinergiDatabase _database;
    private readonly GroupCommitter _commits;
    private readonly LiteDbUnitOfWorkFactory _units;

    public UnitOfWorkTests()
    {
        _database = new SinergiDatabase(Options.Create(new StorageOptions { DataDirectory = _folder.Path }));
        _commits = new GroupCommitter(_database, NullLogger<GroupCommitter>.Instance);
        _units = new LiteDbUnitOfWorkFactory(_database, _commits);
    }

    private ILiteCollection<BsonDocument> Things => _database.Collection<BsonDocument>("things");

    [Fact]
    public async Task WritesAreSeenInsideTheUnitAndStoredOnlyAtItsCommit()
    {
        using (var unit = _units.Begin())
        {
            Things.Insert(new BsonDocument { ["_id"] = "a", ["n"] = 1 });
            Things.Insert(new BsonDocument { ["_id"] = "b", ["n"] = 2 });
            Assert.Equal(1, Things.FindById("a")["n"].AsInt32);
            Assert.Equal(2, Things.Count(Query.GT("n", 0)));
            Assert.Equal(["b"], Things.Find(Query.GT("n", 1)).Select(d => d["_id"].AsString));

            Assert.Equal(0, await OutsideAsync(() => Things.Count())); // another flow sees nothing yet
            await unit.CommitAsync(null, TestContext.Token);
        }

        Assert.Equal(2, Things.Count());
        Assert.Equal(2, Things.FindById("b")["n"].AsInt32);
    }

    [Fact]
    public void AnAbandonedUnitKeepsNothing()
    {
        Things.Insert(new BsonDocument { ["_id"] = "kept", ["n"] = 1 });
        using (_units.Begin())
        {
            Things.Insert(new BsonDocument { ["_id"] = "new", ["n"] = 2 });
            Things.Update(new BsonDocument { ["_id"] = "kept", ["n"] = 99 });
            Things.Delete("kept");
            Assert.Null(Things.FindById("kept"));
        }

        Assert.Equal(1, Things.FindById("kept")["n"].AsInt32);
        Assert.Null(Things.FindById("new"));
    }

    [Fact]
    public async Task QueriesMergeStagedUpdatesDeletesAndOrder()
    {
        for (var i = 1; i <= 5; i++)
        {
            Things.Insert(new BsonDocument { ["_id"] = i, ["n"] = i * 10 });
        }

        using (var unit = _units.Begin())
        {
            Things.Update(new BsonDocument { ["_id"] = 2, ["n"] = 5 });
            Things.Delete(4);
            Assert.Equal(1, Things.DeleteMany("$.n >= 50"));
            Assert.Equal(1, Things.UpdateMany("{ n: $.n + 1 }", "_id = 1"));
            Assert.Equal([5, 11, 30], Things.Query().OrderBy("$.n").ToEnumerable().Select(d => d["n"].AsInt32));
            Assert.True(Things.Exists(Query.EQ("n", 5)));
            await unit.CommitAsync(null, TestContext.Token);
        }

        Assert.Equal([1, 2, 3], Things.FindAll().Select(d => d["_id"].AsInt32).Order());
        Assert.Equal(11, Things.FindById(1)["n"].AsInt32);
    }

    [Fact]
    public async Task NumberedIdsLeftToTheEngineFollowTheStoredAndStagedOnes()
    {
        var numbered = _database.Raw.GetCollection("numbered", BsonAutoId.Int32);
        numbered.Insert(new BsonDocument { ["_id"] = 7 });
        using (var unit = _units.Begin())
        {
            Assert.Equal(8, numbered.Insert(new BsonDocument { ["x"] = 1 }).AsInt32);
            Assert.Equal(9, numbered.Insert(new BsonDocument { ["x"] = 2 }).AsInt32);
            await unit.CommitAsync(null, TestContext.Token);
        }

        Assert.Equal([7, 8, 9], numbered.FindAll().Select(d => d["_id"].AsInt32).Order());
    }

    [Fact]
    public void AFailedSectionInsideTheUnitUndoesOnlyItsOwnWrites()
    {
        using (_units.Begin())
        {
            Things.Insert(new BsonDocument { ["_id"] = "before" });
            Assert.Throws<InvalidOperationException>(() => _database.InTransaction(() =>
            {
                Things.Insert(new BsonDocument { ["_id"] = "inside" });
                Things.Update(new BsonDocument { ["_id"] = "before", ["changed"] = true });
                throw new InvalidOperationException("the section fails");
            }));

            Assert.Null(Things.FindById("inside"));
            Assert.False(Things.FindById("before").ContainsKey("changed"));
        }
    }

    [Fact]
    public async Task AConcurrentChangeToAWrittenRecordFailsTheCommitAndKeepsNothingOfIt()
    {
        Things.Insert(new BsonDocument { ["_id"] = "counter", ["n"] = 0 });
        using var unit = _units.Begin();
        var mine = Things.FindById("counter");
        mine["n"] = mine["n"].AsInt32 + 1;
        Things.Update(mine);
        Things.Insert(new BsonDocument { ["_id"] = "side effect" });

        await OutsideAsync(() => Things.Update(new BsonDocument { ["_id"] = "counter", ["n"] = 100 }));

        await Assert.ThrowsAsync<StorageConflictException>(() => unit.CommitAsync(null, TestContext.Token));
        unit.Dispose();
        Assert.Equal(100, Things.FindById("counter")["n"].AsInt32);
        Assert.Null(Things.FindById("side effect"));
    }

    [Fact]
    public async Task TheRunnerRunsConflictingWorkAgainSoNoIncrementIsLost()
    {
        Things.Insert(new BsonDocument { ["_id"] = "counter", ["n"] = 0 });
        var runner = new UnitOfWorkRunner(_units);
        const int Workers = 8;
        using var start = new Barrier(Workers);
        await Task.WhenAll(Enumerable.Range(0, Workers).Select(_ => Task.Run(
            () => runner.RunAsync(
                async ct =>
                {
                    var counter = Things.FindById("counter");
                    start.SignalAndWait(TimeSpan.FromMilliseconds(200), ct); // all read before any commits, the first time
                    await Task.Yield();
                    counter["n"] = counter["n"].AsInt32 + 1;
                    Things.Update(counter);
                    return true;
                },
                TestContext.Token),
            TestContext.Token)));

        Assert.Equal(Workers, Things.FindById("counter")["n"].AsInt32);
    }

    [Fact]
    public async Task AUniqueValueTakenByAnotherCommitFirstIsAConflict()
    {
        Things.EnsureIndex("code", "$.code", unique: true);
        using var unit = _units.Begin();
        Things.Insert(new BsonDocument { ["_id"] = "mine", ["code"] = "X1" });
        await OutsideAsync(() => Things.Insert(new BsonDocument { ["_id"] = "theirs", ["code"] = "X1" }));

        await Assert.ThrowsAsync<StorageConflictException>(() => unit.CommitAsync(null, TestContext.Token));
        unit.Dispose();
        Assert.Null(Things.FindById("mine"));
    }

    [Fact]
    public async Task AUnitOpenedInsideAnotherJoinsIt()
    {
        using var outer = _units.Begin();
        using (var inner = _units.Begin())
        {
            Things.Insert(new BsonDocument { ["_id"] = "joined" });
            await inner.CommitAsync(null, TestContext.Token);
        }

        Assert.Equal(0, await OutsideAsync(() => Things.Count()));
        await outer.CommitAsync(null, TestContext.Token);
        Assert.NotNull(Things.FindById("joined"));
    }

    /// <summary>Runs <paramref name="work"/> in another flow, outside the test's open unit (as another request would).</summary>
    private static Task<T> OutsideAsync<T>(Func<T> work) => OtherFlow.RunAsync(work);

    public void Dispose()
    {
        _commits.Dispose();
        _database.Dispose();
        _folder.Dispose();
    }
}
