using Bot.Dialogs.Storage;
using Microsoft.Extensions.Options;

namespace Bot.Dialogs.Tips;

/// <summary>
/// The tip line's operations for the chat dialog and the dashboard. The sender key (channel account) is used
/// only by the in-memory rate limiter and never reaches the store, a log or a notification. Coordinators learn of
/// new tips from <see cref="TipAlerts"/>, later and without any detail, never from within the reporter's turn.
/// </summary>
public sealed class TipService(ITipStore store, TipRateLimiter limiter, TimeProvider time, IOptions<TipOptions> options)
{
    private const string SubmitAction = "submit";
    private const string LookupAction = "lookup";
    private const int MaxText = 2000;

    /// <summary>Validates, cleans the photo, saves, and returns the tracking code.</summary>
    public Task<TipSubmission> SubmitAsync(TipDraft draft, byte[]? photo, string senderKey, CancellationToken cancellationToken) =>
        SubmitAsync(draft, photo, senderKey, receipt: null, cancellationToken);

    /// <summary>
    /// As <see cref="SubmitAsync(TipDraft, byte[], string, CancellationToken)"/>; with a <paramref name="receipt"/>
    /// (the dialog's, <see cref="TipReceiptKeys"/>), a confirmation repeated after a crash returns the code saved the
    /// first time instead of saving the tip again.
    /// </summary>
    public Task<TipSubmission> SubmitAsync(TipDraft draft, byte[]? photo, string senderKey, TipReceiptKeys? receipt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(draft);
        cancellationToken.ThrowIfCancellationRequested();
        var now = Hour(time.GetUtcNow());
        if (store.FindReceipt(receipt?.Handle, time.GetUtcNow().UtcDateTime) is { } earlier)
        {
            return Task.FromResult(new TipSubmission(TipOutcome.Saved, earlier.TrackingCode));
        }

        if (TipValidation.Problem(draft) is { } problem)
        {
            return Task.FromResult(new TipSubmission(TipOutcome.Invalid, Problem: problem));
        }

        if (!limiter.TryAcquire(SubmitAction, senderKey, options.Value.SubmissionsPerWindow, options.Value.SubmissionWindow))
        {
            return Task.FromResult(new TipSubmission(TipOutcome.RateLimited));
        }

        var cleaned = Clean(photo);
        if (photo is not null && cleaned is null)
        {
            return Task.FromResult(new TipSubmission(TipOutcome.PhotoRefused));
        }

        var tip = store.Save(
            new Tip
            {
                Category = draft.Category,
                Description = draft.Description.Trim(),
                Kecamatan = draft.Kecamatan.Trim(),
                Desa = Blank(draft.Desa),
                When = Blank(draft.When),
                OccurredOn = draft.OccurredOn,
                ReceivedAt = now,
                UpdatedAt = now,
                AlertPending = true,
            },
            cleaned,
            receipt,
            now);
        return Task.FromResult(new TipSubmission(TipOutcome.Saved, tip.Id));
    }

    /// <summary>The code a confirmation with these keys saved, while the receipt lasts (after a crash).</summary>
    public string? FindReceipt(TipReceiptKeys keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        return store.FindReceipt(keys.Handle, time.GetUtcNow().UtcDateTime)?.TrackingCode;
    }

    /// <summary>False when this sender has used up their submissions for now (nothing is counted by asking).</summary>
    public bool CanSubmit(string senderKey) => !limiter.IsExhausted(SubmitAction, senderKey, options.Value.SubmissionsPerWindow, options.Value.SubmissionWindow);

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
    public Task<TipSubmission> AddInformationAsync(string? trackingCode, string text, byte[]? photo, string senderKey, CancellationToken cancellationToken) =>
        AddInformationAsync(trackingCode, text, photo, senderKey, receipt: null, cancellationToken);

    /// <inheritdoc cref="AddInformationAsync(string, string, byte[], string, CancellationToken)"/>
    public Task<TipSubmission> AddInformationAsync(string? trackingCode, string text, byte[]? photo, string senderKey, TipReceiptKeys? receipt, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (store.FindReceipt(receipt?.Handle, time.GetUtcNow().UtcDateTime) is { } earlier)
        {
            return Task.FromResult(new TipSubmission(TipOutcome.Saved, earlier.TrackingCode));
        }

        var lookup = Lookup(trackingCode, senderKey);
        if (lookup.View is not { } view)
        {
            return Task.FromResult(new TipSubmission(lookup.Outcome));
        }

        if (string.IsNullOrWhiteSpace(text) || text.Length > MaxText)
        {
            return Task.FromResult(new TipSubmission(TipOutcome.Invalid, Problem: "text"));
        }

        if (!limiter.TryAcquire(SubmitAction, senderKey, options.Value.SubmissionsPerWindow, options.Value.SubmissionWindow))
        {
            return Task.FromResult(new TipSubmission(TipOutcome.RateLimited));
        }

        var cleaned = Clean(photo);
        if (photo is not null && cleaned is null)
        {
            return Task.FromResult(new TipSubmission(TipOutcome.PhotoRefused));
        }

        var now = Hour(time.GetUtcNow());
        var tip = store.AddFollowUp(view.TrackingCode, new TipFollowUp { Text = text.Trim(), AddedAt = now }, cleaned, receipt, now);
        return Task.FromResult(tip is null ? new TipSubmission(TipOutcome.NotFound) : new TipSubmission(TipOutcome.Saved, tip.Id));
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

    private static DateTime Hour(DateTimeOffset now)
    {
        var utc = now.UtcDateTime;
        return new DateTime(utc.Ticks - (utc.Ticks % TimeSpan.TicksPerHour), DateTimeKind.Utc);
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
