using Bot.Dialogs.Storage;
using Bot.Host.Storage.LiteDb;
using Bot.Tests.Support;
using LiteDB;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Bot.Tests.Storage;

/// <summary>
/// A unit of work that read a record someone changed since is left out of its group commit before it writes anything:
/// it alone gets the conflict (and runs again), while the turns that share its batch still commit together in one
/// transaction instead of falling back to one transaction (and one fsync) each.
/// </summary>
public sealed class GroupCommitConflictTests : IDisposable
{
    private readonly TempDirectory _folder = new();
    private readonly SinergiDatabase _database;
    private readonly RecordingLogger _log = new();
    private readonly GroupCommitter _commits;
    private readonly LiteDbUnitOfWorkFactory _units;

    public GroupCommitConflictTests()
    {
        _database = new SinergiDatabase(Options.Create(new StorageOptions { DataDirectory = _folder.Path }));
        _commits = new GroupCommitter(_database, _log);
        _units = new LiteDbUnitOfWorkFactory(_database, _commits);
    }

    private ILiteCollection<BsonDocument> Things => _database.Collection<BsonDocument>("things");

    [Fact]
    public async Task AStaleUnitIsLeftOutAndTheRestOfItsBatchCommitsInOneTransaction()
    {
        Things.Insert(new BsonDocument { ["_id"] = "counter", ["n"] = 0 });
        var transactions = 0;

        // All three units read and stage their writes first (the staged writes touch nothing stored yet). Then the writer
        // is held busy while they hand over their commits in a known order, so they are committed as one batch.
        var first = new StagedUnit(_units, () =>
        {
            var counter = Things.FindById("counter");
            counter["n"] = 1;
            Things.Update(counter);
            _database.AfterCommit(() => Interlocked.Increment(ref transactions));
        });
        var stale = new StagedUnit(_units, () =>
        {
            var counter = Things.FindById("counter"); // the same version the first unit read
            counter["n"] = 2;
            Things.Update(counter);
            Things.Insert(new BsonDocument { ["_id"] = "written only by the stale unit" });
        });
        var unrelated = new StagedUnit(_units, () =>
        {
            Things.Insert(new BsonDocument { ["_id"] = "unrelated" });
            _database.AfterCommit(() => Interlocked.Increment(ref transactions));
        });
        StagedUnit[] units = [first, stale, unrelated];
        foreach (var unit in units)
        {
            await unit.Prepared;
        }

        using var gate = new ManualResetEventSlim();
        var holding = _commits.CommitAsync(() => gate.Wait(TestContext.Token), TestContext.Token);
        foreach (var unit in units)
        {
            await unit.HandOverAsync();
        }

        gate.Set();
        await holding;

        await first.Committed;
        await Assert.ThrowsAsync<StorageConflictException>(() => stale.Committed);
        await unrelated.Committed;
        Assert.Equal(1, Things.FindById("counter")["n"].AsInt32);
        Assert.NotNull(Things.FindById("unrelated"));
        Assert.Null(Things.FindById("written only by the stale unit"));
        Assert.Equal(2, transactions);
        Assert.DoesNotContain(_log.Warnings, w => w.Contains("one by one", StringComparison.Ordinal));
    }

    /// <summary>A unit of work in a flow of its own: stages its writes, then commits when told to.</summary>
    private sealed class StagedUnit
    {
        private readonly TaskCompletionSource _prepared = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource _go = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource _handedOver = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public StagedUnit(LiteDbUnitOfWorkFactory units, Action work)
        {
            using (ExecutionContext.SuppressFlow())
            {
                Committed = Task.Run(
                    async () =>
                    {
                        using var unit = units.Begin();
                        work();
                        _prepared.SetResult();
                        await _go.Task.WaitAsync(TestContext.Token);
                        var commit = unit.CommitAsync(null, TestContext.Token); // queued before its first await
                        _handedOver.SetResult();
                        await commit;
                    },
                    TestContext.Token);
            }
        }

        public Task Prepared => _prepared.Task;

        public Task Committed { get; }

        public async Task HandOverAsync()
        {
            _go.SetResult();
            await _handedOver.Task.WaitAsync(TestContext.Token);
        }
    }

    public void Dispose()
    {
        _commits.Dispose();
        _database.Dispose();
        _folder.Dispose();
    }

    private sealed class RecordingLogger : ILogger<GroupCommitter>
    {
        private readonly List<string> _warnings = [];

        public IReadOnlyList<string> Warnings
        {
            get
            {
                lock (_warnings)
                {
                    return [.. _warnings];
                }
            }
        }

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (logLevel >= LogLevel.Warning)
            {
                lock (_warnings)
                {
                    _warnings.Add(formatter(state, exception));
                }
            }
        }
    }
}
