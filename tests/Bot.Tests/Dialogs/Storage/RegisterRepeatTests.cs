using Bot.Dialogs.Domain;
using Bot.Dialogs.Storage;
using Bot.Host.Storage.LiteDb;
using Bot.Tests.Support;
using Microsoft.Extensions.Options;

namespace Bot.Tests.Dialogs.Storage;

/// <summary>
/// The registration commits before the turn that asked for it does; an activity resent after a crash in between
/// must find the first commitment, not make a second (found by CrashRecoveryTests once turns were group-committed).
/// </summary>
public sealed class RegisterRepeatTests : IDisposable
{
    private readonly TempDirectory _folder = new();

    [Fact]
    public void TheSameRequestRegistersOnce()
    {
        using var database = new SinergiDatabase(Options.Create(new StorageOptions { DataDirectory = _folder.Path }));
        var store = new LiteDbCommitmentStore(database, TimeProvider.System, []);

        var first = store.Register(Draft("Sosialisasi"), "U-1", "test|c1|a11");
        var repeat = store.Register(Draft("Sosialisasi"), "U-1", "test|c1|a11");
        var other = store.Register(Draft("Sosialisasi"), "U-1", "test|c2|a11");
        var withoutKey = store.Register(Draft("Sosialisasi"), "U-1");

        Assert.Equal(first.Code, repeat.Code);
        Assert.Equal(first.Id, repeat.Id);
        Assert.NotEqual(first.Code, other.Code);
        Assert.NotEqual(other.Code, withoutKey.Code);
        Assert.Equal(3, store.ListAll().Count);
    }

    [Fact]
    public async Task DirectCallsFromManyThreadsGetDistinctCodes()
    {
        using var database = new SinergiDatabase(Options.Create(new StorageOptions { DataDirectory = _folder.Path }));
        var store = new LiteDbCommitmentStore(database, TimeProvider.System, []);

        // No lock of the store's own: the transaction (the engine held from begin to commit) keeps the counter's
        // read and the insert of one registration apart from another's.
        var saved = await Task.WhenAll(Enumerable.Range(0, 40).Select(i => Task.Run(() => store.Register(Draft("Kegiatan " + i), "U-1"), TestContext.Token)));

        Assert.Equal(40, saved.Select(c => c.Code).Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(40, store.ListAll().Count);
    }

    private static Commitment Draft(string title) => new()
    {
        OrganisationId = 1,
        Year = 2027,
        Title = title,
        Deadline = new DateOnly(2027, 12, 31),
        Periods = [ReportingPeriod.B12],
    };

    public void Dispose() => _folder.Dispose();
}
