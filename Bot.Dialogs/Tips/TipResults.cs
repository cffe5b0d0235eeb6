namespace Bot.Dialogs.Tips;

/// <summary>How a submission (or added information) ended.</summary>
public enum TipOutcome
{
    Saved,
    Invalid,
    RateLimited,
    PhotoRefused,
    NotFound,
}

/// <summary>The outcome and, when saved, the tracking code; <see cref="Problem"/> says what was invalid.</summary>
public sealed record TipSubmission(TipOutcome Outcome, string? TrackingCode = null, string? Problem = null);

/// <summary>What a reporter may learn with the tracking code: status and dates (day precision), nothing else.</summary>
public sealed record TipStatusView(string TrackingCode, TipStatus Status, DateOnly ReceivedOn, DateOnly UpdatedOn);

/// <summary>A lookup by tracking code.</summary>
public sealed record TipLookup(TipOutcome Outcome, TipStatusView? View = null);
