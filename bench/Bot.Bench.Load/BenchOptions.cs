using System.Globalization;

namespace Bot.Bench.Load;

/// <summary>Command-line options: <c>&lt;mode&gt; --url … --script … [--concurrency 16] [--turns N] …</c>.</summary>
internal sealed class BenchOptions
{
    public const string Usage = """
        Bot.Bench.Load <botframework|directline|qa|soak> --url http://127.0.0.1:PORT/ --script bench/scripts/x.json
          --url URL            the bot's base URL; repeat it (or separate by commas) for several hosts: each new
                               conversation goes to the next host in turn
          --concurrency N      virtual users, each a whole conversation at a time (16; qa: 64)
          --turns N            measured turns (20000; soak: 1000000)
          --warmup N           turns before measuring starts (1000; soak: 10000)
          --duration SECONDS   hard time limit of the timed part (600; soak: 7200)
          --pid PID            the bot's process id, for VmRSS/VmHWM from /proc and its CPU time per measured
                               turn; repeat it for several hosts (memory is the first one's, CPU their sum)
          --db-pid PID         the database server's main process: the CPU time of it and its children per
                               measured turn (PostgreSQL's postmaster)
          --rss-every N        record RSS every N turns (soak: 20000)
          --secret S           Direct Line secret for tokens/generate (directline)
          --channel ID         channelId on /api/messages (bench)
          --locale L           activity locale (id-ID)
          --label NAME         name of the run in the table
          --out FILE           write the result as JSON
        """;

    public string Mode { get; private set; } = string.Empty;
    public Uri Url => Urls.Count > 0 ? Urls[0] : new("http://127.0.0.1:3980/");
    public List<Uri> Urls { get; } = [];
    public string Script { get; private set; } = string.Empty;
    public int Concurrency { get; private set; } = 16;
    public long Turns { get; private set; } = 20_000;
    public long WarmupTurns { get; private set; } = 1_000;
    public TimeSpan Duration { get; private set; } = TimeSpan.FromMinutes(10);
    public int? Pid => Pids.Count > 0 ? Pids[0] : null;
    public List<int> Pids { get; } = [];
    public int? DbPid { get; private set; }
    public long RssEvery { get; private set; }
    public string Secret { get; private set; } = string.Empty;
    public string ChannelId { get; private set; } = "bench";
    public string Locale { get; private set; } = "id-ID";
    public string Label { get; private set; } = string.Empty;
    public string? Out { get; private set; }
    public long MaxErrors { get; private set; } = 100;

    public static BenchOptions Parse(string[] args)
    {
        if (args.Length == 0 || args[0] is not ("botframework" or "directline" or "qa" or "soak"))
        {
            throw new BenchException("Unknown mode.\n" + Usage);
        }

        var options = new BenchOptions { Mode = args[0], Label = args[0] };
        if (options.Mode == "qa")
        {
            options.Concurrency = 64;
        }
        else if (options.Mode == "soak")
        {
            options.Turns = 1_000_000;
            options.WarmupTurns = 10_000;
            options.Duration = TimeSpan.FromHours(2);
            options.RssEvery = 20_000;
        }

        for (var i = 1; i < args.Length; i += 2)
        {
            var value = i + 1 < args.Length ? args[i + 1] : throw new BenchException($"{args[i]} needs a value.\n" + Usage);
            switch (args[i])
            {
                case "--url": options.Urls.AddRange(value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(BaseUri)); break;
                case "--script": options.Script = value; break;
                case "--concurrency": options.Concurrency = int.Parse(value, CultureInfo.InvariantCulture); break;
                case "--turns": options.Turns = long.Parse(value, CultureInfo.InvariantCulture); break;
                case "--warmup": options.WarmupTurns = long.Parse(value, CultureInfo.InvariantCulture); break;
                case "--duration": options.Duration = TimeSpan.FromSeconds(double.Parse(value, CultureInfo.InvariantCulture)); break;
                case "--pid": options.Pids.Add(int.Parse(value, CultureInfo.InvariantCulture)); break;
                case "--db-pid": options.DbPid = int.Parse(value, CultureInfo.InvariantCulture); break;
                case "--rss-every": options.RssEvery = long.Parse(value, CultureInfo.InvariantCulture); break;
                case "--secret": options.Secret = value; break;
                case "--channel": options.ChannelId = value; break;
                case "--locale": options.Locale = value; break;
                case "--label": options.Label = value; break;
                case "--out": options.Out = value; break;
                case "--max-errors": options.MaxErrors = long.Parse(value, CultureInfo.InvariantCulture); break;
                default: throw new BenchException($"Unknown option {args[i]}.\n" + Usage);
            }
        }

        if (options.Urls.Count == 0)
        {
            options.Urls.Add(options.Url);
        }

        return string.IsNullOrEmpty(options.Script) ? throw new BenchException("--script is required.\n" + Usage) : options;
    }

    private static Uri BaseUri(string value) => new(value.EndsWith('/') ? value : value + "/");
}
