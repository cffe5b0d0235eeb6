using Bot.Dialogs.Storage;
using Bot.Tests.Support;
using LiteDB;

namespace Bot.Tests.Tips;

/// <summary>
/// A data folder from before the tips had their own file (tips and their photos in sinergi.db) opens, and its tips
/// and photos move to tips.db. The move once dropped the old collection inside a transaction, which LiteDB refuses,
/// so such a folder could no longer start the host.
/// </summary>
public sealed class LegacyTipsMigrationTests : IDisposable
{
    private readonly TempDirectory _folder = new();

    [Fact]
    public void TipsAndPhotosFromTheMainFileMoveToTheTipsFileAndTheHostStarts()
    {
        var main = Path.Combine(_folder.Path, "sinergi.db");
        using (var legacy = new LiteDatabase(new ConnectionString { Filename = main }))
        {
            legacy.GetCollection("tips").Insert(new BsonDocument { ["_id"] = "TIP-AAAA-BBBB", ["description"] = "lama" });
            using var photo = new MemoryStream([1, 2, 3]);
            legacy.FileStorage.Upload("tip-photo/one", "one.jpg", photo);
        }

        using (var host = new DialogsHost(_folder.Path))
        {
            _ = host.Get<ITipStore>();
        }

        // A second start finds nothing left to move.
        using (var again = new DialogsHost(_folder.Path))
        {
            _ = again.Get<ITipStore>();
        }

        using (var opened = new LiteDatabase(new ConnectionString { Filename = main, ReadOnly = true }))
        {
            Assert.False(opened.CollectionExists("tips") && opened.GetCollection("tips").Count() > 0);
            Assert.False(opened.FileStorage.Exists("tip-photo/one"));
        }

        using var tips = new LiteDatabase(new ConnectionString { Filename = Path.Combine(_folder.Path, "tips.db"), ReadOnly = true });
        Assert.Equal("lama", tips.GetCollection("tips").FindById("TIP-AAAA-BBBB")["description"].AsString);
        Assert.True(tips.FileStorage.Exists("tip-photo/one"));
    }

    public void Dispose() => _folder.Dispose();
}
