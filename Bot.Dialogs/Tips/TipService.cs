using Microsoft.Extensions.Options;

namespace Bot.Dialogs.Tips;

/// <summary>
/// The tip line's operations for the chat dialog and the dashboard. The sender key (channel account) is used
/// only by the in-memory rate limiter and never reaches the store, a log or a notification.
/// </summary>
public sealed class TipService(TipStore store, TipRateLimiter limiter, TipNotifier notifier, TimeProvider time, IOptions<TipOptions> options)
{
    private const string SubmitAction = "submit";
    private const string LookupAction = "lookup";
    private const int MaxText = 2000;

    /// <summary>Validates, cleans the photo, saves, tells the coordinators, and returns the tracking code.</summary>
    public async Task<TipSubmission> SubmitAsync(TipDraft draft, byte[]? photo, string senderKey, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(draft);
        if (TipValidation.Problem(draft) is { } problem)
        {
            return new TipSubmission(TipOutcome.Invalid, Problem: problem);
        }

        if (!limiter.TryAcquire(SubmitAction, senderKey, options.Value.SubmissionsPerWindow, options.Value.SubmissionWindow))
        {
            return new TipSubmission(TipOutcome.RateLimited);
        }

        var cleaned = Clean(photo);
        if (photo is not null && cleaned is null)
        {
            return new TipSubmission(TipOutcome.PhotoRefused);
        }

        var now = Hour(time.GetUtcNow());
        var tip = new Tip
        {
            Category = draft.Category,
            Description = draft.Description.Trim(),
            Kecamatan = draft.Kecamatan.Trim(),
            Desa = Blank(draft.Desa),
            When = Blank(draft.When),
            OccurredOn = draft.OccurredOn,
            PhotoFileId = cleaned is null ? null : store.SavePhoto(cleaned, now),
            PhotoContentType = cleaned?.ContentType,
            ReceivedAt = now,
            UpdatedAt = now,
        };
        do
        {
            tip.Id = TrackingCode.New();
        }
        while (!store.TryInsert(tip));

        await DetachedAsync(ct => notifier.NotifyNewAsync(tip, ct), cancellationToken);
        return new TipSubmission(TipOutcome.Saved, tip.Id);
    }

    /// <summary>False when this sender has used up their submissions for now (nothing is counted by asking).</summary>
    public bool CanSubmit(string senderKey) => !limiter.IsExhausted(SubmitAction, senderKey, options.Value.SubmissionsPerWindow);

    /// <summary>The status a reporter may see for a code; every lookup counts against the limit (against guessing).</summary>
    public TipLookup Lookup(string? trackingCode, string senderKey)
    {
        if (!limiter.TryAcquire(LookupAction, senderKey, options.Value.LookupsPerWindow, options.Value.LookupWindow))
        {
            return new TipLookup(TipOutcome.RateLimited);
        }

        var tip = TrackingCode.Normalize(trackingCode) is { } code ? store.Get(code) : null;
        return tip is null
            ? new TipLookup(TipOutcome.NotFound)
            : new TipLookup(TipOutcome.Saved, new TipStatusView(tip.Id, tip.Status, DateOnly.FromDateTime(tip.ReceivedAt), DateOnly.FromDateTime(tip.UpdatedAt)));
    }

    /// <summary>Adds information (and optionally a photo) to a tip, anonymously like the tip itself.</summary>
    public async Task<TipSubmission> AddInformationAsync(string? trackingCode, string text, byte[]? photo, string senderKey, CancellationToken cancellationToken)
    {
        var lookup = Lookup(trackingCode, senderKey);
        if (lookup.View is not { } view)
        {
            return new TipSubmission(lookup.Outcome);
        }

        if (string.IsNullOrWhiteSpace(text) || text.Length > MaxText)
        {
            return new TipSubmission(TipOutcome.Invalid, Problem: "text");
        }

        if (!limiter.TryAcquire(SubmitAction, senderKey, options.Value.SubmissionsPerWindow, options.Value.SubmissionWindow))
        {
            return new TipSubmission(TipOutcome.RateLimited);
        }

        var cleaned = Clean(photo);
        if (photo is not null && cleaned is null)
        {
            return new TipSubmission(TipOutcome.PhotoRefused);
        }

        var now = Hour(time.GetUtcNow());
        var tip = store.Get(view.TrackingCode)!;
        tip.FollowUps.Add(new TipFollowUp
        {
            Text = text.Trim(),
            PhotoFileId = cleaned is null ? null : store.SavePhoto(cleaned, now),
            PhotoContentType = cleaned?.ContentType,
            AddedAt = now,
        });
        tip.UpdatedAt = now;
        store.Update(tip);
        await DetachedAsync(ct => notifier.NotifyFollowUpAsync(tip, ct), cancellationToken);
        return new TipSubmission(TipOutcome.Saved, tip.Id);
    }

    /// <summary>A coordinator's decision; returns the updated tip, or null when the code is unknown.</summary>
    public Tip? SetStatus(string trackingCode, TipStatus status, string coordinatorId, string? note = null)
    {
        var tip = TrackingCode.Normalize(trackingCode) is { } code ? store.Get(code) : null;
        if (tip is null)
        {
            return null;
        }

        var now = time.GetUtcNow().UtcDateTime;
        tip.Status = status;
        tip.History.Add(new TipStatusChange { Status = status, CoordinatorId = coordinatorId, Note = Blank(note), ChangedAt = now });
        tip.UpdatedAt = Hour(time.GetUtcNow());
        store.Update(tip);
        return tip;
    }

    /// <summary>The whole tip, for the dashboard.</summary>
    public Tip? Find(string? trackingCode) => TrackingCode.Normalize(trackingCode) is { } code ? store.Get(code) : null;

    private StrippedImage? Clean(byte[]? photo)
    {
        if (photo is null || photo.Length > options.Value.MaxPhotoBytes)
        {
            return null;
        }

        try
        {
            return ImageMetadataStripper.Strip(photo);
        }
        catch (UnsupportedImageException)
        {
            return null;
        }
    }

    /// <summary>
    /// Runs the notification without the caller's execution context, so the reporter's logging scope (the turn
    /// pipeline puts the conversation id there) never reaches anything logged about the tip.
    /// </summary>
    private static async Task DetachedAsync(Func<CancellationToken, Task> work, CancellationToken cancellationToken)
    {
        Task task;
        using (ExecutionContext.SuppressFlow())
        {
            task = Task.Run(() => work(cancellationToken), CancellationToken.None);
        }

        await task;
    }

    private static DateTime Hour(DateTimeOffset now)
    {
        var utc = now.UtcDateTime;
        return new DateTime(utc.Ticks - (utc.Ticks % TimeSpan.TicksPerHour), DateTimeKind.Utc);
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
