using System.Security.Cryptography;
using Bot.Dialogs.Storage;
using Bot.Dialogs.Tips;
using LiteDB;

namespace Bot.Host.Storage.LiteDb;

/// <summary>
/// The tips, their photos and the receipts of confirmations, all in the tips' own file (<see cref="TipDatabase"/>).
/// Nothing here takes or stores anything about who sent a tip. A tip, its photo and its receipt are written in one
/// transaction of that file, so a crash keeps all three or none.
/// </summary>
internal sealed class LiteDbTipStore : ITipStore
{
    private const string FilesCollection = "_files";
    private readonly SinergiDatabase _database;
    private readonly ILiteCollection<Tip> _tips;
    private readonly TipReceipts _receipts;

    public LiteDbTipStore(TipDatabase tips, SinergiDatabase main)
    {
        ArgumentNullException.ThrowIfNull(tips);
        _database = tips.Database;
        _tips = CreateCollection(_database);
        _receipts = new TipReceipts(_database);
        LegacyTips.MoveOutOf(main, _database);
    }

    /// <summary>
    /// Saves a new tip with its cleaned photo and, when <paramref name="receipt"/> is given, the receipt that lets a
    /// repeated confirmation find it (<see cref="TipReceipts"/>). Draws tracking codes until one is free.
    /// </summary>
    public Tip Save(Tip tip, StrippedImage? photo, TipReceiptKeys? receipt, DateTime roundedTime) => _database.InTransaction(() =>
    {
        ArgumentNullException.ThrowIfNull(tip);
        if (photo is not null)
        {
            tip.PhotoFileId = SavePhoto(photo, roundedTime);
            tip.PhotoContentType = photo.ContentType;
        }

        do
        {
            tip.Id = TrackingCode.New();
        }
        while (_tips.FindById(tip.Id) is not null);

        _tips.Insert(tip);
        _receipts.Record(receipt, tip.Id, followUp: false, roundedTime);
        return tip;
    });

    /// <summary>Adds information (and its cleaned photo, and the receipt) to a tip in one transaction.</summary>
    public Tip? AddFollowUp(string trackingCode, TipFollowUp followUp, StrippedImage? photo, TipReceiptKeys? receipt, DateTime roundedTime) => _database.InTransaction(() =>
    {
        ArgumentNullException.ThrowIfNull(followUp);
        if (_tips.FindById(trackingCode) is not { } tip)
        {
            return null;
        }

        if (photo is not null)
        {
            followUp.PhotoFileId = SavePhoto(photo, roundedTime);
            followUp.PhotoContentType = photo.ContentType;
        }

        tip.Add(followUp, roundedTime);
        _tips.Update(tip);
        _receipts.Record(receipt, tip.Id, followUp: true, roundedTime);
        return tip;
    });

    /// <summary>The tracking code a confirmation with this receipt key saved (and whether it added information), while the receipt lasts.</summary>
    public (string TrackingCode, bool FollowUp)? FindReceipt(string? receiptKey, DateTime now) => _receipts.Find(receiptKey, now);

    public Tip? Get(string trackingCode) => _tips.FindById(trackingCode);

    public void Update(Tip tip) => _tips.Update(tip);

    /// <summary>Newest first, optionally of one status.</summary>
    public IReadOnlyList<Tip> List(TipStatus? status = null) =>
        (status is { } only ? _tips.Find(t => t.Status == only) : _tips.FindAll())
            .OrderByDescending(t => t.ReceivedAt).ThenBy(t => t.Id, StringComparer.Ordinal).ToList();

    /// <summary>How many tips are new or have new information since coordinators were last alerted; clears the marks.</summary>
    public int TakeAlerts() => _database.InTransaction(() =>
    {
        var pending = _tips.Find(t => t.AlertPending).ToList();
        foreach (var tip in pending)
        {
            tip.AlertPending = false;
            _tips.Update(tip);
        }

        return pending.Count;
    });

    /// <summary>The tip whose photo (or a follow-up's photo) is that file.</summary>
    public Tip? FindByPhoto(string fileId) =>
        _tips.FindOne(t => t.PhotoFileId == fileId) ?? _tips.FindAll().FirstOrDefault(t => t.FollowUps.Any(f => f.PhotoFileId == fileId));

    /// <summary>A photo's bytes, or null when the file is not there.</summary>
    public byte[]? ReadPhoto(string fileId)
    {
        if (_database.Files.FindById(fileId) is null)
        {
            return null;
        }

        using var content = new MemoryStream();
        _database.Files.Download(fileId, content);
        return content.ToArray();
    }

    /// <summary>
    /// Stores a cleaned photo under a random id. LiteDB stamps files with the exact upload time; that stamp is
    /// overwritten with <paramref name="roundedTime"/> so the file does not date the tip more precisely than the tip.
    /// </summary>
    private string SavePhoto(StrippedImage photo, DateTime roundedTime)
    {
        var id = "tip-photo/" + Convert.ToHexString(RandomNumberGenerator.GetBytes(12)).ToLowerInvariant();
        var name = photo.ContentType == "image/png" ? "foto.png" : "foto.jpg";
        using var content = new MemoryStream(photo.Bytes, writable: false);
        _database.Files.Upload(id, name, content);
        var files = _database.Raw.GetCollection(FilesCollection);
        var info = files.FindById(id);
        info["uploadDate"] = roundedTime;
        files.Update(info);
        return id;
    }

    private static ILiteCollection<Tip> CreateCollection(SinergiDatabase database)
    {
        var tips = database.Collection<Tip>("tips");
        tips.EnsureIndex(t => t.Status);
        tips.EnsureIndex(t => t.PhotoFileId);
        tips.EnsureIndex(t => t.AlertPending);
        return tips;
    }
}
