using System.Diagnostics;
using Bot.Dialogs.Engine;

namespace Bot.Dialogs.Telemetry;

/// <summary>A running turn's span and clock: <see cref="End"/> records the outcome; disposing without it records "error".</summary>
public sealed class TurnMeasurement : IDisposable
{
    private readonly SinergiTelemetry _telemetry;
    private readonly Activity? _span;
    private readonly long _startedAt;
    private TagList _tags;
    private bool _ended;

    internal TurnMeasurement(SinergiTelemetry telemetry, Activity? span, TagList tags, long startedAt)
    {
        _telemetry = telemetry;
        _span = span;
        _tags = tags;
        _startedAt = startedAt;
    }

    /// <summary>Records how the turn ended and hands the result back.</summary>
    public TurnResult End(TurnResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        Record(result.Status switch
        {
            TurnStatus.Completed => "completed",
            TurnStatus.Duplicate => "duplicate",
            TurnStatus.Failed => "failed",
            TurnStatus.Throttled => "throttled",
            TurnStatus.Busy => "busy",
            _ => "other",
        });
        if (result.Status is TurnStatus.Failed or TurnStatus.Busy)
        {
            _span?.SetStatus(ActivityStatusCode.Error);
        }

        return result;
    }

    public void Dispose()
    {
        if (!_ended)
        {
            Record("error");
            _span?.SetStatus(ActivityStatusCode.Error);
        }

        _span?.Dispose();
    }

    private void Record(string status)
    {
        _ended = true;
        _tags.Add(SinergiTelemetry.TurnStatusTag, status);
        _span?.SetTag(SinergiTelemetry.TurnStatusTag, status);
        _telemetry.TurnEnded(_tags, _startedAt);
    }
}
