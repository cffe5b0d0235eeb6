using System.Security.Cryptography;
using Bot.Dialogs.Storage;
using LiteDB;

namespace Bot.Dialogs.Tips;

/// <summary>The tips and their photos. Nothing here takes or stores anything about who sent a tip.</summary>
public sealed class TipStore(SinergiDatabase database)
{
    private const string FilesCollection = "_files";
    private readonly ILiteCollection<Tip> _tips = CreateCollection(database);

    /// <summary>Inserts the tip; false when its tracking code is taken (the caller draws another).</summary>
    public bool TryInsert(Tip tip)
    {
        try
        {
            _tips.Insert(tip);
            return true;
        }
        catch (LiteException ex) when (ex.ErrorCode == LiteException.INDEX_DUPLICATE_KEY)
        {
            return false;
        }
    }

    public Tip? Get(string trackingCode) => _tips.FindById(trackingCode);

    public void Update(Tip tip) => _tips.Update(tip);

    /// <summary>Newest first, optionally of one status.</summary>
    public IReadOnlyList<Tip> List(TipStatus? status = null) =>
        (status is { } only ? _tips.Find(t => t.Status == only) : _tips.FindAll())
            .OrderByDescending(t => t.ReceivedAt).ThenBy(t => t.Id, StringComparer.Ordinal).ToList();

    /// <summary>The tip whose photo (or a follow-up's photo) is that file.</summary>
    public Tip? FindByPhoto(string fileId) =>
        _tips.FindOne(t => t.PhotoFileId == fileId) ?? _tips.FindAll().FirstOrDefault(t => t.FollowUps.Any(f => f.PhotoFileId == fileId));

    /// <summary>
    /// Stores a cleaned photo under a random id. LiteDB stamps files with the exact upload time; that stamp is
    /// overwritten with <paramref name="roundedTime"/> so the file does not date the tip more precisely than the tip.
    /// </summary>
    public string SavePhoto(StrippedImage photo, DateTime roundedTime)
    {
        ArgumentNullException.ThrowIfNull(photo);
        var id = "tip-photo/" + Convert.ToHexString(RandomNumberGenerator.GetBytes(12)).ToLowerInvariant();
        var name = photo.ContentType == "image/png" ? "foto.png" : "foto.jpg";
        database.InTransaction(() =>
        {
            using var content = new MemoryStream(photo.Bytes, writable: false);
            database.Files.Upload(id, name, content);
            var files = database.Raw.GetCollection(FilesCollection);
            var info = files.FindById(id);
            info["uploadDate"] = roundedTime;
            files.Update(info);
        });
        return id;
    }

    private static ILiteCollection<Tip> CreateCollection(SinergiDatabase database)
    {
        var tips = database.Collection<Tip>("tips");
        tips.EnsureIndex(t => t.Status);
        tips.EnsureIndex(t => t.PhotoFileId);
        return tips;
    }
}
