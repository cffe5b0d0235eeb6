namespace Bot.Dialogs.Tips;

/// <summary>
/// An anonymous report from a resident. By design it holds nothing about its sender: no user id, name, phone,
/// channel, conversation or address, and its times are rounded to the hour so they do not single out a turn.
/// </summary>
public sealed class Tip
{
    /// <summary>The tracking code (TIP-XXXX-XXXX): the reporter's only handle on the tip.</summary>
    public string Id { get; set; } = string.Empty;

    public TipCategory Category { get; set; }
    public string Description { get; set; } = string.Empty;
    public string Kecamatan { get; set; } = string.Empty;
    public string? Desa { get; set; }

    /// <summary>When it happens or happened, as the resident put it ("tiap malam Minggu").</summary>
    public string? When { get; set; }

    /// <summary>A date when the resident gave one.</summary>
    public DateOnly? OccurredOn { get; set; }

    /// <summary>The stored file id of the photo, stored with its metadata (EXIF, GPS, text chunks) removed.</summary>
    public string? PhotoFileId { get; set; }

    public string? PhotoContentType { get; set; }
    public TipStatus Status { get; set; } = TipStatus.Baru;
    public List<TipStatusChange> History { get; set; } = [];
    public List<TipFollowUp> FollowUps { get; set; } = [];

    /// <summary>Rounded down to the hour.</summary>
    public DateTime ReceivedAt { get; set; }

    /// <summary>Last change by a coordinator or the reporter, rounded down to the hour.</summary>
    public DateTime UpdatedAt { get; set; }

    /// <summary>New, or new information came, since coordinators were last alerted (<see cref="TipAlerts"/>).</summary>
    public bool AlertPending { get; set; }

    /// <summary>Adds the reporter's information: the tip changed (at the rounded time) and coordinators are alerted again.</summary>
    public void Add(TipFollowUp followUp, DateTime roundedTime)
    {
        ArgumentNullException.ThrowIfNull(followUp);
        FollowUps.Add(followUp);
        UpdatedAt = roundedTime;
        AlertPending = true;
    }
}

/// <summary>A coordinator's status change; the coordinator is named, the reporter never is.</summary>
public sealed class TipStatusChange
{
    public TipStatus Status { get; set; }
    public string CoordinatorId { get; set; } = string.Empty;
    public string? Note { get; set; }
    public DateTime ChangedAt { get; set; }
}

/// <summary>Information the reporter added later with the tracking code (time rounded to the hour).</summary>
public sealed class TipFollowUp
{
    public string Text { get; set; } = string.Empty;
    public string? PhotoFileId { get; set; }
    public string? PhotoContentType { get; set; }
    public DateTime AddedAt { get; set; }
}

/// <summary>What the tip is about.</summary>
public enum TipCategory
{
    Peredaran,
    Pemakaian,
    Produksi,
    Penyelundupan,
    Lainnya,
}

/// <summary>Handling status on the dashboard: baru → diproses → selesai | ditolak.</summary>
public enum TipStatus
{
    Baru,
    Diproses,
    Selesai,
    Ditolak,
}
