using System.Net;
using System.Text.Json;
using Bot.Bench.Load;

// A load generator that speaks HTTP only (Bot Framework expectReplies or Direct Line), so the same scripts
// drive Sinergi and the Bot Framework SDK bot. See BENCHMARKS.md "Load" for the method.
BenchOptions options;
try
{
    options = BenchOptions.Parse(args);
}
catch (Exception ex) when (ex is BenchException or FormatException or UriFormatException)
{
    await Console.Error.WriteLineAsync(ex.Message);
    return 2;
}

var script = ConversationScript.Load(options.Script);
using var handler = new SocketsHttpHandler
{
    MaxConnectionsPerServer = options.Concurrency * 2,
    PooledConnectionLifetime = TimeSpan.FromMinutes(10),
    AutomaticDecompression = DecompressionMethods.None,
    UseProxy = false,
};
// One client per host over the one handler (its pool is per host already).
var clients = options.Urls.Select(url => new HttpClient(handler, disposeHandler: false) { BaseAddress = url, Timeout = TimeSpan.FromSeconds(60) }).ToList();
await using IChatTransport transport = new SpreadTransport([.. clients.Select(http => options.Mode == "directline"
    ? (IChatTransport)new DirectLineTransport(http, options.Secret, options.Locale, TimeSpan.FromSeconds(30))
    : new BotFrameworkTransport(http, options.ChannelId, options.Locale))]);
await using var memory = options.Pid is { } pid ? new RssSampler(pid, TimeSpan.FromMilliseconds(250)) : null;
var cpu = options.Pids.Count > 0 ? new CpuMeter(options.Pids, options.DbPid) : null;

using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancel.Cancel();
};

BenchResult result;
try
{
    result = await new LoadRunner(options, script, transport, memory, cpu).RunAsync(cancel.Token);
}
catch (Exception ex) when (ex is BenchException or HttpRequestException)
{
    await Console.Error.WriteLineAsync($"[{options.Label}] setup failed: {ex.Message}");
    return 1;
}

result.PrintTable(Console.Out);
if (options.Out is { } path)
{
    Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
    await File.WriteAllTextAsync(path, JsonSerializer.Serialize(result, new JsonSerializerOptions { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase }));
}

foreach (var client in clients)
{
    client.Dispose();
}

return result.Errors > 0 || result.MeasuredTurns == 0 ? 1 : 0;
