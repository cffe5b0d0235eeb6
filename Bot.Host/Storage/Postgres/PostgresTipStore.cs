using System.Security.Cryptography;
using Bot.Dialogs.Storage;
using Bot.Dialogs.Tips;
using Dapper;
using Npgsql;

namespace Bot.Host.Storage.Postgres;

/// <summary>
/// The tips, their photos and the receipts of confirmations in the tips' schema (<see cref="PostgresTipDatabase"/>:
/// never in a sender's turn's transaction). Nothing here takes or stores anything about who sent a tip. A tip, its
/// photo and its receipt are written in one transaction, so a crash keeps all three or none.
/// </summary>
internal sealed class PostgresTipStore(PostgresTipDatabase database) : ITipStore
{
    private const string FindPhoto =
        "doc ->> 'PhotoFileId' = @fileId or exists (select 1 from jsonb_array_elements(doc -> 'FollowUps') f where f ->> 'PhotoFileId' = @fileId)";

    /// <summary>Saves a new tip with its cleaned photo and its receipt; draws tracking codes until one is free.</summary>
    public Tip Save(Tip tip, StrippedImage? photo, TipReceiptKeys? receipt, DateTime roundedTime)
    {
        ArgumentNullException.ThrowIfNull(tip);
        return database.Run((c, t) =>
        {
            if (photo is not null)
            {
                tip.PhotoFileId = SavePhoto(c, t, photo);
                tip.PhotoContentType = photo.ContentType;
            }

            do
            {
                tip.Id = TrackingCode.New();
            }
            while (c.Execute(
                "insert into tips.tips (id, status, alert_pending, received_at, doc) values (@Id, @Status, @AlertPending, @ReceivedAt, @Json::jsonb) on conflict (id) do nothing",
                Parameters(tip),
                t) == 0);

            RecordReceipt(c, t, receipt, tip.Id, followUp: false, roundedTime);
            return tip;
        });
    }

    public Tip? AddFollowUp(string trackingCode, TipFollowUp followUp, StrippedImage? photo, TipReceiptKeys? receipt, DateTime roundedTime)
    {
        ArgumentNullException.ThrowIfNull(followUp);
        return database.Run((c, t) =>
        {
            if (Read(c, t, "id = @trackingCode for update", new { trackingCode }).FirstOrDefault() is not { } tip)
            {
                return null;
            }

            if (photo is not null)
            {
                followUp.PhotoFileId = SavePhoto(c, t, photo);
                followUp.PhotoContentType = photo.ContentType;
            }

            tip.Add(followUp, roundedTime);
            Write(c, t, tip);
            RecordReceipt(c, t, receipt, tip.Id, followUp: true, roundedTime);
            return tip;
        });
    }

    public (string TrackingCode, bool FollowUp)? FindReceipt(string? receiptKey, DateTime now) =>
        receiptKey is not null && database.Run((c, t) => c.QuerySingleOrDefault<Receipt>(
            "select tracking_code as TrackingCode, follow_up as FollowUp from tips.receipts where id = @receiptKey and expires_at > @now",
            new { receiptKey, now = now.Ticks },
            t)) is { } receipt
            ? (receipt.TrackingCode, receipt.FollowUp)
            : null;

    public Tip? Get(string trackingCode) => database.Run((c, t) => Read(c, t, "id = @trackingCode", new { trackingCode }).FirstOrDefault());

    public void Update(Tip tip)
    {
        ArgumentNullException.ThrowIfNull(tip);
        database.Run((c, t) => Write(c, t, tip));
    }

    public IReadOnlyList<Tip> List(TipStatus? status = null) => database.Run((c, t) =>
        Read(c, t, (status is null ? "true" : "status = @status") + " order by received_at desc, id collate \"C\"", new { status = status?.ToString() }));

    public int TakeAlerts() => database.Run((c, t) =>
    {
        var pending = Read(c, t, "alert_pending for update", null);
        foreach (var tip in pending)
        {
            tip.AlertPending = false;
            Write(c, t, tip);
        }

        return pending.Count;
    });

    public Tip? FindByPhoto(string fileId) => database.Run((c, t) => Read(c, t, FindPhoto + " limit 1", new { fileId }).FirstOrDefault());

    public byte[]? ReadPhoto(string fileId) => database.Run((c, t) =>
        c.QuerySingleOrDefault<byte[]>("select content from tips.photos where id = @fileId", new { fileId }, t));

    private static List<Tip> Read(NpgsqlConnection connection, NpgsqlTransaction transaction, string condition, object? parameters) =>
        connection.Query<string>($"select doc::text from tips.tips where {condition}", parameters, transaction).Select(DocumentTable<Tip>.Deserialise).ToList();

    private static int Write(NpgsqlConnection connection, NpgsqlTransaction transaction, Tip tip) => connection.Execute(
        "update tips.tips set status = @Status, alert_pending = @AlertPending, received_at = @ReceivedAt, doc = @Json::jsonb where id = @Id",
        Parameters(tip),
        transaction);

    private static object Parameters(Tip tip) => new
    {
        tip.Id,
        Status = tip.Status.ToString(),
        tip.AlertPending,
        ReceivedAt = tip.ReceivedAt.Ticks,
        Json = DocumentTable<Tip>.Serialise(tip),
    };

    /// <summary>Stores a cleaned photo under a random id, with no time of its own (it would date the tip more precisely than the tip).</summary>
    private static string SavePhoto(NpgsqlConnection connection, NpgsqlTransaction transaction, StrippedImage photo)
    {
        var id = "tip-photo/" + Convert.ToHexString(RandomNumberGenerator.GetBytes(12)).ToLowerInvariant();
        connection.Execute("insert into tips.photos (id, content) values (@id, @Bytes)", new { id, photo.Bytes }, transaction);
        return id;
    }

    /// <summary>Records the receipt under each key given and forgets expired ones (the rule of <see cref="TipReceiptKeys"/>).</summary>
    private static void RecordReceipt(NpgsqlConnection connection, NpgsqlTransaction transaction, TipReceiptKeys? keys, string trackingCode, bool followUp, DateTime roundedNow)
    {
        if (keys is null)
        {
            return;
        }

        connection.Execute("delete from tips.receipts where expires_at <= @now", new { now = roundedNow.Ticks }, transaction);
        foreach (var key in keys.All)
        {
            connection.Execute(
                """
                insert into tips.receipts (id, tracking_code, follow_up, expires_at) values (@key, @trackingCode, @followUp, @expiresAt)
                on conflict (id) do update set tracking_code = excluded.tracking_code, follow_up = excluded.follow_up, expires_at = excluded.expires_at
                """,
                new { key, trackingCode, followUp, expiresAt = (roundedNow + TipReceiptKeys.Lifetime).Ticks },
                transaction);
        }
    }

    private sealed class Receipt
    {
        public string TrackingCode { get; set; } = string.Empty;
        public bool FollowUp { get; set; }
    }
}
