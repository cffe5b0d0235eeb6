using System.Collections.Concurrent;
using System.Diagnostics;

namespace Bot.Bench.Load;

/// <summary>
/// Runs the script: setup once per virtual user (untimed), then every virtual user repeats the scripted
/// conversation with new conversation ids until the turn budget or the time limit is used up. The first
/// <see cref="BenchOptions.WarmupTurns"/> turns are not measured.
/// </summary>
internal sealed class LoadRunner(BenchOptions options, ConversationScript script, IChatTransport transport, RssSampler? memory, CpuMeter? cpu)
{
    private const int MaxErrorsKept = 20;
    private readonly LatencyHistogram _latencies = new();
    private readonly ConcurrentQueue<string> _errors = new();
    private readonly List<RssPoint> _rssTrend = [];
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly string _runTag = Guid.NewGuid().ToString("N")[..6];
    private long _issued;
    private long _completed;
    private long _errorCount;
    private long _conversations;
    private long _measureStartTicks = -1;
    private long _lastCompletionTicks;
    private long _questionCounter;
    private CpuSnapshot _cpuAtStart;
    private TimeSpan _ownCpuAtStart;

    public async Task<BenchResult> RunAsync(CancellationToken cancellationToken)
    {
        var users = await SetupAsync(cancellationToken);
        Console.Error.WriteLine($"[{options.Label}] setup done for {users.Count} virtual users; running {options.Turns} turns after {options.WarmupTurns} warm-up turns");

        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(options.Duration);
        using var progress = new Timer(_ => Progress(), null, TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(5));
        await Task.WhenAll(users.Select(u => Task.Run(() => VirtualUserAsync(u, limit.Token), CancellationToken.None)));
        return Result(timedOut: limit.IsCancellationRequested && !cancellationToken.IsCancellationRequested);
    }

    private async Task<List<Dictionary<string, string>>> SetupAsync(CancellationToken cancellationToken)
    {
        var users = new List<Dictionary<string, string>>();
        IChatSession? coordinator = null;
        try
        {
            for (var vu = 1; vu <= options.Concurrency; vu++)
            {
                var values = new Dictionary<string, string>(StringComparer.Ordinal) { ["vu"] = vu.ToString(System.Globalization.CultureInfo.InvariantCulture), ["run"] = _runTag };
                values["user"] = ScriptStep.Fill(script.UserId, values);
                IChatSession? own = null;
                foreach (var step in script.Setup)
                {
                    IChatSession session;
                    if (step.As == "coordinator")
                    {
                        session = coordinator ??= await transport.OpenAsync(script.Coordinator, cancellationToken);
                    }
                    else
                    {
                        session = own ??= await transport.OpenAsync(values["user"], cancellationToken);
                    }

                    var replies = await session.SendAsync(ScriptStep.Fill(step.Say, values), Expected(step, values), cancellationToken);
                    step.Check(replies, values);
                }

                if (own is not null)
                {
                    await own.DisposeAsync();
                }

                users.Add(values);
            }
        }
        finally
        {
            if (coordinator is not null)
            {
                await coordinator.DisposeAsync();
            }
        }

        return users;
    }

    private async Task VirtualUserAsync(Dictionary<string, string> user, CancellationToken cancellationToken)
    {
        var budget = options.WarmupTurns + options.Turns;
        while (!cancellationToken.IsCancellationRequested && Interlocked.Read(ref _issued) < budget && Interlocked.Read(ref _errorCount) < options.MaxErrors)
        {
            var values = new Dictionary<string, string>(user, StringComparer.Ordinal);
            IChatSession? session = null;
            try
            {
                session = await transport.OpenAsync(values["user"], cancellationToken);
                IReadOnlyList<string> previous = [];
                foreach (var step in script.Conversation)
                {
                    if (!step.AppliesAfter(previous, values))
                    {
                        continue;
                    }

                    var number = Interlocked.Increment(ref _issued);
                    if (number > budget)
                    {
                        return;
                    }

                    if (number == options.WarmupTurns + 1 && Interlocked.CompareExchange(ref _measureStartTicks, _clock.Elapsed.Ticks, -1) == -1)
                    {
                        _cpuAtStart = cpu?.Read() ?? default;
                        _ownCpuAtStart = Environment.CpuUsage.TotalTime;
                    }

                    if (script.Questions.Count > 0)
                    {
                        values["question"] = script.Questions[(int)(Interlocked.Increment(ref _questionCounter) % script.Questions.Count)];
                    }

                    var started = _clock.Elapsed;
                    var replies = await session.SendAsync(ScriptStep.Fill(step.Say, values), Expected(step, values), cancellationToken);
                    var finished = _clock.Elapsed;
                    step.Check(replies, values);
                    previous = replies;
                    if (number > options.WarmupTurns)
                    {
                        _latencies.Record(finished - started);
                        Interlocked.Exchange(ref _lastCompletionTicks, finished.Ticks);
                    }

                    Completed();
                }

                Interlocked.Increment(ref _conversations);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is BenchException or HttpRequestException or System.Net.WebSockets.WebSocketException or System.Text.Json.JsonException or TaskCanceledException)
            {
                Interlocked.Increment(ref _errorCount);
                if (_errors.Count < MaxErrorsKept)
                {
                    _errors.Enqueue($"vu {values["vu"]}: {ex.Message}");
                }
            }
            finally
            {
                if (session is not null)
                {
                    await session.DisposeAsync();
                }
            }
        }
    }

    private static string? Expected(ScriptStep step, Dictionary<string, string> values) =>
        step.Expect is null ? null : ScriptStep.Fill(step.Expect, values);

    private void Completed()
    {
        var done = Interlocked.Increment(ref _completed);
        if (memory is not null && options.RssEvery > 0 && done % options.RssEvery == 0)
        {
            var point = new RssPoint(done, Math.Round(_clock.Elapsed.TotalSeconds, 1), Math.Round(memory.CurrentRssMiB(), 1));
            lock (_rssTrend)
            {
                _rssTrend.Add(point);
            }

            Console.Error.WriteLine($"[{options.Label}] {point.Turns} turns, RSS {point.RssMiB} MiB");
        }
    }

    private void Progress()
    {
        var done = Interlocked.Read(ref _completed);
        var seconds = _clock.Elapsed.TotalSeconds;
        Console.Error.WriteLine($"[{options.Label}] {seconds:0}s: {done} turns ({done / seconds:0} /s overall), {Interlocked.Read(ref _errorCount)} errors, RSS {memory?.CurrentRssMiB():0} MiB");
    }

    private BenchResult Result(bool timedOut)
    {
        var start = TimeSpan.FromTicks(Math.Max(0, Interlocked.Read(ref _measureStartTicks)));
        var end = TimeSpan.FromTicks(Interlocked.Read(ref _lastCompletionTicks));
        var seconds = Math.Max(0.001, (end - start).TotalSeconds);
        var (hostCpu, dbCpu) = cpu is null ? (0, 0) : CpuMeter.PerTurnMs(_cpuAtStart, cpu.Read(), _latencies.Count);

        // The generator's own CPU over the same window as the hosts': its start-up, JIT and the untimed setup stay out,
        // so runs of different lengths (2,000 Direct Line turns against 3,000 /api/messages turns) compare per turn.
        var ownCpu = _latencies.Count == 0 ? 0 : (Environment.CpuUsage.TotalTime - _ownCpuAtStart).TotalMilliseconds / _latencies.Count;
        List<RssPoint> trend;
        lock (_rssTrend)
        {
            trend = [.. _rssTrend];
        }

        return new BenchResult
        {
            Label = options.Label,
            Mode = options.Mode,
            Url = string.Join(",", options.Urls),
            Hosts = options.Urls.Count,
            Script = script.Name,
            Concurrency = options.Concurrency,
            WarmupTurns = options.WarmupTurns,
            MeasuredTurns = _latencies.Count,
            Conversations = Interlocked.Read(ref _conversations),
            Seconds = Math.Round(seconds, 2),
            TurnsPerSecond = Math.Round(_latencies.Count / seconds, 1),
            P50Ms = Math.Round(_latencies.PercentileMs(0.50), 2),
            P90Ms = Math.Round(_latencies.PercentileMs(0.90), 2),
            P99Ms = Math.Round(_latencies.PercentileMs(0.99), 2),
            MaxMs = Math.Round(_latencies.MaxMs, 2),
            MeanMs = Math.Round(_latencies.MeanMs, 2),
            HostCpuMsPerTurn = cpu is null ? null : Math.Round(hostCpu, 3),
            DbCpuMsPerTurn = cpu is null || options.DbPid is null ? null : Math.Round(dbCpu, 3),
            ClientCpuMsPerTurn = Math.Round(ownCpu, 3),
            Errors = Interlocked.Read(ref _errorCount),
            FirstErrors = [.. _errors],
            TimedOut = timedOut,
            PeakRssMiB = memory is null ? null : Math.Round(memory.PeakRssMiB, 1),
            HighWaterMiB = memory is null ? null : Math.Round(memory.HighWaterMiB, 1),
            RssTrend = trend,
            RssSlopeMiBPer100kTurns = RssPoint.SlopePer100k(trend),
        };
    }
}
