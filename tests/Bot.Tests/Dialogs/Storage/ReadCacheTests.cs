using System.Text.Json.Nodes;
using Bot.Dialogs.Domain;
using Bot.Dialogs.Storage;
using Bot.Host.Storage.LiteDb;
using Bot.Tests.Support;
using Microsoft.Extensions.Options;

namespace Bot.Tests.Dialogs.Storage;

/// <summary>The per-turn read caches: never stale after a write through any handle, never shared objects.</summary>
public sealed class ReadCacheTests : IDisposable
{
    private readonly TempDirectory _folder = new();
    private readonly SinergiDatabase _database;

    public ReadCacheTests() => _database = new SinergiDatabase(Options.Create(new StorageOptions { DataDirectory = _folder.Path }));

    [Fact]
    public void AUserChangedThroughAnotherHandleIsReadFresh()
    {
        var users = new LiteDbUserStore(_database, TimeProvider.System);
        var created = users.GetOrCreate("test|a", "Ani", "id-ID");
        Assert.Equal(Role.Warga, users.FindByAccount("test|a")!.Role);

        // Another writer of the collection (as account linking is), not through the store.
        var raw = _database.Collection<BotUser>("users");
        var changed = raw.FindById(created.Id);
        changed.Role = Role.Fokal;
        raw.Update(changed);

        Assert.Equal(Role.Fokal, users.FindByAccount("test|a")!.Role);
    }

    [Fact]
    public void ACachedUserIsACopyEveryTime()
    {
        var users = new LiteDbUserStore(_database, TimeProvider.System);
        users.GetOrCreate("test|b", "Budi", "id-ID");
        var first = users.FindByAccount("test|b")!;
        first.Name = "changed in a turn that then failed";
        Assert.Equal("Budi", users.FindByAccount("test|b")!.Name);
    }

    [Fact]
    public void AReadInsideARolledBackTransactionIsNotRemembered()
    {
        var users = new LiteDbUserStore(_database, TimeProvider.System);
        var created = users.GetOrCreate("test|c", "Citra", "id-ID");
        Assert.ThrowsAny<InvalidOperationException>(() => _database.InTransaction(() =>
        {
            created.Role = Role.Koordinator;
            users.Update(created);
            Assert.Equal(Role.Koordinator, users.FindByAccount("test|c")!.Role);
            throw new InvalidOperationException("roll back");
        }));

        Assert.Equal(Role.Warga, users.FindByAccount("test|c")!.Role);
    }

    [Fact]
    public void StateIsAFreshCopyAndOnlyCommittedSavesCount()
    {
        var states = new LiteDbConversationStateStore(_database, TimeProvider.System);
        var state = states.Load("test|c1");
        state.Stack.Add(new DialogFrame { DialogId = "form", State = new JsonObject { ["step"] = 1 } });
        states.Save(state);
        Assert.Equal(1, state.Version);

        // A turn that changes its copy and fails leaves the stored state as it was.
        var copy = states.Load("test|c1");
        copy.Stack[0].State["step"] = 99;
        copy.Stack.Clear();
        Assert.Equal(1, states.Load("test|c1").Stack[0].State["step"]!.GetValue<int>());

        // A save rolled back is not remembered; saving the same object again works (a group commit's retry).
        var next = states.Load("test|c1");
        next.Stack[0].State["step"] = 2;
        Assert.ThrowsAny<InvalidOperationException>(() => _database.InTransaction(() =>
        {
            states.Save(next);
            throw new InvalidOperationException("roll back");
        }));
        Assert.Equal(1, states.Load("test|c1").Stack[0].State["step"]!.GetValue<int>());
        states.Save(next);
        Assert.Equal(2, states.Load("test|c1").Stack[0].State["step"]!.GetValue<int>());
        Assert.Equal(2, states.Load("test|c1").Version);

        // A stale copy is refused.
        Assert.Throws<ConcurrencyException>(() => states.Save(copy));
    }

    [Fact]
    public void AConversationRemembersItsLatestActivityIdsOnly()
    {
        var state = new ConversationState { Id = "test|c2" };
        for (var i = 0; i < ConversationState.RememberedActivities + 10; i++)
        {
            state.RememberActivity("a" + i);
            state.RememberActivity("a" + i);
        }

        Assert.Equal(ConversationState.RememberedActivities, state.RecentActivityIds.Count);
        Assert.False(state.HasProcessed("a9"));
        Assert.True(state.HasProcessed("a10"));
        Assert.True(state.HasProcessed("a" + (ConversationState.RememberedActivities + 9)));
        Assert.False(state.HasProcessed(null));
    }

    public void Dispose()
    {
        _database.Dispose();
        _folder.Dispose();
    }
}
