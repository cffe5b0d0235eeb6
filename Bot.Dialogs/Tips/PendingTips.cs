using System.Security.Cryptography;

namespace Bot.Dialogs.Tips;

/// <summary>
/// What a resident has typed into the tip dialog so far, kept in memory only. The dialog's frame (which is saved
/// in the conversation's state document, next to the conversation id) holds nothing but a random handle, so
/// neither the draft nor a tracking code is ever written next to the sender. The price: a restart loses unsent
/// drafts, and the dialog says so. Entries expire after <see cref="Lifetime"/> without use, which also cleans up
/// after "batal" and "menu" (the engine clears the stack without telling the dialog).
/// </summary>
internal sealed class PendingTips(TimeProvider time)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(1);
    private const int MaxPending = 10_000;
    private readonly Dictionary<string, PendingTip> _pending = new(StringComparer.Ordinal);

    /// <summary>A new empty draft and its handle; null when too many drafts are open (a flood).</summary>
    public string? Create(string? trackingCode = null)
    {
        var handle = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        lock (_pending)
        {
            Forget();
            if (_pending.Count >= MaxPending)
            {
                return null;
            }

            _pending[handle] = new PendingTip { TrackingCode = trackingCode, LastUsed = time.GetUtcNow() };
            return handle;
        }
    }

    /// <summary>The draft of that handle, or null when it expired or the process restarted since.</summary>
    public PendingTip? Find(string? handle)
    {
        if (string.IsNullOrEmpty(handle))
        {
            return null;
        }

        lock (_pending)
        {
            Forget();
            if (!_pending.TryGetValue(handle, out var tip))
            {
                return null;
            }

            tip.LastUsed = time.GetUtcNow();
            return tip;
        }
    }

    /// <summary>Forgets a draft (after it was sent or declined); the photo bytes are zeroed.</summary>
    public void Remove(string? handle)
    {
        if (string.IsNullOrEmpty(handle))
        {
            return;
        }

        lock (_pending)
        {
            if (_pending.Remove(handle, out var tip) && tip.Photo is { } photo)
            {
                Array.Clear(photo);
            }
        }
    }

    internal int Count
    {
        get
        {
            lock (_pending)
            {
                Forget();
                return _pending.Count;
            }
        }
    }

    private void Forget()
    {
        var cutoff = time.GetUtcNow() - Lifetime;
        foreach (var (handle, tip) in _pending)
        {
            if (tip.LastUsed <= cutoff)
            {
                _pending.Remove(handle);
            }
        }
    }
}

/// <summary>A tip (or added information) being written. Never mapped to the database.</summary>
internal sealed class PendingTip
{
    public TipCategory Category { get; set; }
    public string Description { get; set; } = string.Empty;
    public string Kecamatan { get; set; } = string.Empty;
    public string? Desa { get; set; }
    public string? When { get; set; }
    public DateOnly? OccurredOn { get; set; }

    /// <summary>Already stripped of metadata when it was received.</summary>
    public byte[]? Photo { get; set; }

    /// <summary>For added information: the tip it belongs to.</summary>
    public string? TrackingCode { get; set; }

    public DateTimeOffset LastUsed { get; set; }

    public TipDraft ToDraft() => new(Category, Description, Kecamatan, Desa, When, OccurredOn);
}
