using System.Threading.RateLimiting;

namespace Bot.Dialogs.Engine.RateLimiting;

/// <summary>
/// A lease from a <see cref="ClockedRateLimiter"/>. A refusal carries <see cref="MetadataName.RetryAfter"/> and
/// <see cref="FirstRefusal"/>: true for the first refusal since the last granted permit, so a caller can tell the
/// user once per wait instead of once per message.
/// </summary>
public sealed class ClockedLease(bool isAcquired, TimeSpan retryAfter, bool firstRefusal) : RateLimitLease
{
    public static readonly MetadataName<bool> FirstRefusal = MetadataName.Create<bool>("SINERGI_FIRST_REFUSAL");

    internal static ClockedLease Granted { get; } = new(true, TimeSpan.Zero, false);

    public override bool IsAcquired => isAcquired;

    public override IEnumerable<string> MetadataNames =>
        isAcquired ? [] : [MetadataName.RetryAfter.Name, FirstRefusal.Name];

    public override bool TryGetMetadata(string metadataName, out object? metadata)
    {
        metadata = isAcquired ? null
            : metadataName == MetadataName.RetryAfter.Name ? retryAfter
            : metadataName == FirstRefusal.Name ? firstRefusal
            : null;
        return metadata is not null;
    }
}
