using Bot.Dialogs.Storage;
using Bot.Dialogs.Tips;

namespace Bot.Tests.Storage;

/// <summary>The contract of the tip store: tips with photos and receipts, apart from every turn's transaction.</summary>
public abstract partial class StoreContractTests
{
    private static readonly DateTime TipHour = new(2027, 3, 1, 8, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void A_tip_is_saved_with_its_photo_and_receipt_and_found_by_them()
    {
        var tips = Host.Get<ITipStore>();
        var photo = new StrippedImage("image/jpeg", [0xFF, 0xD8, 1, 2, 3]);
        var saved = tips.Save(NewTip("Transaksi di warung"), photo, new TipReceiptKeys("key-handle", "key-request"), TipHour);

        Assert.StartsWith("TIP-", saved.Id, StringComparison.Ordinal);
        var found = tips.Get(saved.Id)!;
        Assert.Equal(("Transaksi di warung", TipStatus.Baru, "image/jpeg"), (found.Description, found.Status, found.PhotoContentType));
        Assert.Equal(photo.Bytes, tips.ReadPhoto(found.PhotoFileId!));
        Assert.Equal(saved.Id, tips.FindByPhoto(found.PhotoFileId!)!.Id);
        Assert.Null(tips.ReadPhoto("tip-photo/none"));
        Assert.Null(tips.Get("TIP-NONE-NONE"));

        Assert.Equal((saved.Id, false), tips.FindReceipt("key-handle", TipHour.AddHours(1)));
        Assert.Equal((saved.Id, false), tips.FindReceipt("key-request", TipHour.AddHours(1)));
        Assert.Null(tips.FindReceipt("key-handle", TipHour.AddHours(2)));
        Assert.Null(tips.FindReceipt("key-other", TipHour));
        Assert.Null(tips.FindReceipt(null, TipHour));
    }

    [Fact]
    public void Information_added_to_a_tip_alerts_again_and_its_photo_is_found()
    {
        var tips = Host.Get<ITipStore>();
        var tip = tips.Save(NewTip("Pesta di gudang"), null, null, TipHour);
        Assert.Equal(1, tips.TakeAlerts());
        Assert.Equal(0, tips.TakeAlerts());

        var later = TipHour.AddHours(3);
        var added = tips.AddFollowUp(tip.Id, new TipFollowUp { Text = "Mobil hitam", AddedAt = later }, new StrippedImage("image/png", [0x89, 0x50]), new TipReceiptKeys("key-follow", null), later)!;
        Assert.Equal("Mobil hitam", added.FollowUps.Single().Text);
        Assert.Null(tips.AddFollowUp("TIP-NONE-NONE", new TipFollowUp { Text = "x" }, null, null, later));

        var stored = tips.Get(tip.Id)!;
        Assert.True(stored.AlertPending);
        Assert.Equal(later, stored.UpdatedAt.ToUniversalTime());
        Assert.Equal(tip.Id, tips.FindByPhoto(stored.FollowUps[0].PhotoFileId!)!.Id);
        Assert.Equal(new byte[] { 0x89, 0x50 }, tips.ReadPhoto(stored.FollowUps[0].PhotoFileId!));
        Assert.Equal((tip.Id, true), tips.FindReceipt("key-follow", later));
        Assert.Equal(1, tips.TakeAlerts());
    }

    [Fact]
    public void Tips_are_listed_newest_first_and_by_status()
    {
        var tips = Host.Get<ITipStore>();
        var old = tips.Save(NewTip("lama", TipHour.AddDays(-2)), null, null, TipHour);
        var recent = tips.Save(NewTip("baru", TipHour), null, null, TipHour);
        old.Status = TipStatus.Diproses;
        old.History.Add(new TipStatusChange { Status = TipStatus.Diproses, CoordinatorId = "U-koord", ChangedAt = TipHour });
        tips.Update(old);

        Assert.Equal([recent.Id, old.Id], tips.List().Select(t => t.Id));
        Assert.Equal([old.Id], tips.List(TipStatus.Diproses).Select(t => t.Id));
        Assert.Equal("U-koord", tips.Get(old.Id)!.History.Single().CoordinatorId);
        Assert.Empty(tips.List(TipStatus.Selesai));
    }

    [Fact]
    public void A_tip_saved_during_a_turn_that_is_rolled_back_stays_it_never_joins_the_turn_s_transaction()
    {
        var tips = Host.Get<ITipStore>();
        var users = Host.Get<IUserStore>();
        string id;
        using (Host.Get<IUnitOfWorkFactory>().Begin())
        {
            users.GetOrCreate("test:reporter", "Pelapor", null);
            id = tips.Save(NewTip("di tengah giliran"), null, null, TipHour).Id;
        }

        Assert.Null(users.FindByAccount("test:reporter"));
        Assert.Equal("di tengah giliran", tips.Get(id)!.Description);
    }

    private static Tip NewTip(string description, DateTime? receivedAt = null) => new()
    {
        Category = TipCategory.Peredaran,
        Description = description,
        Kecamatan = "Kandangan",
        ReceivedAt = receivedAt ?? TipHour,
        UpdatedAt = receivedAt ?? TipHour,
        AlertPending = true,
    };
}
