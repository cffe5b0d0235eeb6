using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace Bot.Tests.Telemetry;

/// <summary>Records the measurements of the instruments one predicate picks (one host's meter), with their tags.</summary>
internal sealed class MetricRecorder : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentQueue<RecordedMeasurement> _measurements = new();

    public MetricRecorder(Func<Instrument, bool> listenTo)
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (listenTo(instrument))
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Add(instrument, value, tags));
        _listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Add(instrument, value, tags));
        _listener.Start();
    }

    /// <summary>Every measurement of <paramref name="instrument"/> so far.</summary>
    public IReadOnlyList<RecordedMeasurement> Of(string instrument) => [.. _measurements.Where(m => m.Instrument == instrument)];

    /// <summary>What an observable instrument reports now, one measurement per series.</summary>
    public IReadOnlyList<RecordedMeasurement> Observe(string instrument)
    {
        var before = _measurements.Count;
        _listener.RecordObservableInstruments();
        return [.. _measurements.Skip(before).Where(m => m.Instrument == instrument)];
    }

    public void Dispose() => _listener.Dispose();

    private void Add(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var copied = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var tag in tags)
        {
            copied[tag.Key] = tag.Value?.ToString();
        }

        _measurements.Enqueue(new RecordedMeasurement(instrument.Name, value, copied));
    }
}

/// <summary>One measurement as a listener saw it.</summary>
internal sealed record RecordedMeasurement(string Instrument, double Value, IReadOnlyDictionary<string, string?> Tags)
{
    public string? Tag(string key) => Tags.GetValueOrDefault(key);
}
