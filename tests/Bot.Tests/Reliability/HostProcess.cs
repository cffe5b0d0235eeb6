using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Bot.Tests.Support;

namespace Bot.Tests.Reliability;

/// <summary>
/// The real host as a child process (<c>dotnet Bot.Host.dll</c> from the test's output folder) on a free loopback
/// port over a given data folder, so that it can be killed with SIGKILL and started again on the same folder.
/// </summary>
internal sealed class HostProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private HostProcess(Process process, Uri baseAddress, TimeSpan httpTimeout)
    {
        _process = process;
        BaseAddress = baseAddress;
        Http = new HttpClient { BaseAddress = baseAddress, Timeout = httpTimeout };
    }

    public Uri BaseAddress { get; }

    public HttpClient Http { get; }

    public int Id => _process.Id;

    /// <summary>What the host printed so far (for failure messages).</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>
    /// How long one request may take by default: two minutes, because a fresh host's first turn waits for its models'
    /// training (about 12 s on a quiet machine, over 30 s while the whole suite runs beside it). A client timeout, not
    /// a speed goal: speed is measured in BENCHMARKS.md.
    /// </summary>
    public static readonly TimeSpan DefaultRequestTimeout = TimeSpan.FromMinutes(2);

    public static Task<HostProcess> StartAsync(string dataDirectory, IDictionary<string, string> settings, CancellationToken cancellationToken) =>
        StartAsync(dataDirectory, settings, DefaultRequestTimeout, cancellationToken);

    /// <summary>As above, with <paramref name="httpTimeout"/> for each request of <see cref="Http"/> (a loaded machine's first turn is slow).</summary>
    public static async Task<HostProcess> StartAsync(string dataDirectory, IDictionary<string, string> settings, TimeSpan httpTimeout, CancellationToken cancellationToken)
    {
        await Task.Run(TrainedModels.Ensure, cancellationToken); // the child loads them from the model cache
        var host = Launch(dataDirectory, settings, httpTimeout);
        await host.WaitHealthyAsync(cancellationToken);
        return host;
    }

    /// <summary>Starts a host that is expected to refuse to start; returns its exit code and everything it printed.</summary>
    public static async Task<(int ExitCode, string Output)> RunUntilExitAsync(string dataDirectory, IDictionary<string, string> settings, CancellationToken cancellationToken)
    {
        using var host = Launch(dataDirectory, settings, TimeSpan.FromSeconds(30));
        await host._process.WaitForExitAsync(cancellationToken);
        host._process.WaitForExit(); // the redirected output is complete only after the parameterless wait
        return (host._process.ExitCode, host.Output);
    }

    private static HostProcess Launch(string dataDirectory, IDictionary<string, string> settings, TimeSpan httpTimeout)
    {
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet", "Bot.Host.dll")
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["Urls"] = $"http://127.0.0.1:{port}";
        start.Environment["Storage__DataDirectory"] = dataDirectory;
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var (key, value) in settings)
        {
            start.Environment[key] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        var host = new HostProcess(process, new Uri($"http://127.0.0.1:{port}/"), httpTimeout);
        process.OutputDataReceived += (_, e) => host.Append(e.Data);
        process.ErrorDataReceived += (_, e) => host.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return host;
    }

    /// <summary>SIGKILL: no shutdown code runs, as in a power cut of the process.</summary>
    public void Kill()
    {
        _process.Kill(entireProcessTree: false);
        _process.WaitForExit();
    }

    /// <summary>
    /// Waits until the host printed <paramref name="text"/> (e.g. a log message), at most <paramref name="timeout"/>;
    /// throws with the output so far when it did not, or when the host exited first.
    /// </summary>
    public async Task WaitForOutputAsync(string text, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!Output.Contains(text, StringComparison.Ordinal))
        {
            if (_process.HasExited || DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"The host did not print '{text}' within {timeout}:\n" + Output);
            }

            await Task.Delay(50, cancellationToken);
        }
    }

    /// <summary>Sends one message with expectReplies; returns the reply texts joined (empty for a duplicate).</summary>
    public Task<string> SayAsync(string conversationId, string userId, string activityId, string text, CancellationToken cancellationToken) =>
        SayAsync(conversationId, userId, activityId, text, "http://127.0.0.1:9/", cancellationToken);

    /// <summary>As above; <paramref name="serviceUrl"/> is where the stored conversation reference points proactive messages.</summary>
    public async Task<string> SayAsync(string conversationId, string userId, string activityId, string text, string serviceUrl, CancellationToken cancellationToken)
    {
        var activity = new JsonObject
        {
            ["type"] = "message",
            ["id"] = activityId,
            ["channelId"] = "test",
            ["serviceUrl"] = serviceUrl,
            ["deliveryMode"] = "expectReplies",
            ["locale"] = "id-ID",
            ["from"] = new JsonObject { ["id"] = userId },
            ["recipient"] = new JsonObject { ["id"] = "bot" },
            ["conversation"] = new JsonObject { ["id"] = conversationId },
            ["text"] = text,
        };
        using var content = new StringContent(activity.ToJsonString(), Encoding.UTF8, "application/json");
        using var response = await Http.PostAsync("api/messages", content, cancellationToken);
        response.EnsureSuccessStatusCode();
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
        return string.Join("\n", body.RootElement.GetProperty("activities").EnumerateArray()
            .Select(a => a.TryGetProperty("text", out var t) ? t.GetString() : null)
            .Where(t => t is not null));
    }

    public void Dispose()
    {
        Http.Dispose();
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: false);
            _process.WaitForExit();
        }

        _process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }
    }

    private async Task WaitHealthyAsync(CancellationToken cancellationToken)
    {
        // 30 s, or as long as one request may take when the caller allowed more (a loaded machine starts slowly).
        var deadline = DateTime.UtcNow + (Http.Timeout > TimeSpan.FromSeconds(30) ? Http.Timeout : TimeSpan.FromSeconds(30));
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException("The host exited at start:\n" + Output);
            }

            try
            {
                using var response = await Http.GetAsync("healthz", cancellationToken);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(100, cancellationToken);
        }

        throw new TimeoutException("The host did not become healthy:\n" + Output);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
