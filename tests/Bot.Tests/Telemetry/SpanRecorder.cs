using System.Collections.Concurrent;
using System.Diagnostics;

namespace Bot.Tests.Telemetry;

/// <summary>
/// Listens to Sinergi's spans and ASP.NET Core's request spans and keeps those of one trace, so that requests of
/// tests running in parallel (the sources are process-wide) do not mix in. The trace travels in <see cref="TraceParent"/>.
/// Created after a host started, it hears of a span's end after that host's OpenTelemetry processors did.
/// </summary>
internal sealed class SpanRecorder : IDisposable
{
    private readonly ActivityListener _listener;
    private readonly ConcurrentQueue<Activity> _spans = new();
    private readonly List<(Func<Activity, bool> Match, TaskCompletionSource<Activity> Found)> _waiters = [];

    public SpanRecorder()
    {
        var spanId = ActivitySpanId.CreateRandom();
        TraceParent = $"00-{TraceId}-{spanId}-01";
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name is "Sinergi" or "Microsoft.AspNetCore",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = span =>
            {
                if (span.TraceId == TraceId)
                {
                    Stopped(span);
                }
            },
        };
        ActivitySource.AddActivityListener(_listener);
    }

    public ActivityTraceId TraceId { get; } = ActivityTraceId.CreateRandom();

    /// <summary>The W3C <c>traceparent</c> header that puts a request in this trace.</summary>
    public string TraceParent { get; }

    public IReadOnlyList<Activity> Spans => [.. _spans];

    public Activity Single(string name) => Assert.Single(Spans, s => s.OperationName == name);

    /// <summary>The first span of this trace that <paramref name="match"/> picks, once it has ended.</summary>
    public Task<Activity> EndedAsync(Func<Activity, bool> match)
    {
        lock (_waiters)
        {
            if (_spans.FirstOrDefault(match) is { } ended)
            {
                return Task.FromResult(ended);
            }

            var found = new TaskCompletionSource<Activity>(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((match, found));
            return found.Task.WaitAsync(Support.TestContext.Token);
        }
    }

    public void Dispose() => _listener.Dispose();

    private void Stopped(Activity span)
    {
        lock (_waiters)
        {
            _spans.Enqueue(span);
            foreach (var waiter in _waiters.Where(w => w.Match(span)).ToList())
            {
                waiter.Found.TrySetResult(span);
                _waiters.Remove(waiter);
            }
        }
    }
}
