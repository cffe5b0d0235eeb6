using System.Text.Json;
using System.Text.RegularExpressions;

namespace Bot.Bench.Load;

/// <summary>
/// A scripted conversation, read from JSON (bench/scripts/*.json): setup steps run once per virtual user before
/// the timed part (as the coordinator or as the user), then the timed conversation, repeated with new ids.
/// Texts may use {vu} (the virtual user's number), {run} (this run's tag) and any name captured earlier.
/// </summary>
internal sealed class ConversationScript
{
    public string Name { get; set; } = "script";

    /// <summary>The coordinator's user id for setup steps marked <c>"as": "coordinator"</c>.</summary>
    public string Coordinator { get; set; } = "bench-koord";

    /// <summary>The virtual users' ids; {vu} and {run} are replaced.</summary>
    public string UserId { get; set; } = "bench-{run}-{vu}";

    public List<ScriptStep> Setup { get; set; } = [];

    public List<ScriptStep> Conversation { get; set; } = [];

    /// <summary>Questions taken in turn as {question} (the Q&amp;A script).</summary>
    public List<string> Questions { get; set; } = [];

    private static readonly JsonSerializerOptions ReadOptions = new() { PropertyNameCaseInsensitive = true, ReadCommentHandling = JsonCommentHandling.Skip };

    public static ConversationScript Load(string path)
    {
        var script = JsonSerializer.Deserialize<ConversationScript>(File.ReadAllText(path), ReadOptions)
            ?? throw new BenchException($"{path} is empty.");
        if (script.Conversation.Count == 0)
        {
            throw new BenchException($"{path} has no conversation steps.");
        }

        return script;
    }
}

/// <summary>One message of a script and what its reply must contain.</summary>
internal sealed class ScriptStep
{
    /// <summary><c>user</c> (default) or <c>coordinator</c>; only setup steps may speak as the coordinator.</summary>
    public string As { get; set; } = "user";

    public string Say { get; set; } = string.Empty;

    /// <summary>
    /// A fragment the turn's replies must contain (case-insensitive); the turn counts as an error otherwise.
    /// Alternatives are separated by " | " (e.g. "tenggat | tahun" when a form asks one more question in some months).
    /// </summary>
    public string? Expect { get; set; }

    /// <summary>
    /// When set, the step is sent only if the previous step's replies contain this fragment (case-insensitive), e.g.
    /// the plan-year answer that the registration form asks for only from October on. A skipped step is no turn.
    /// </summary>
    public string? When { get; set; }

    /// <summary>Names and regular expressions whose first group is kept for later steps (e.g. the invite code).</summary>
    public Dictionary<string, string> Capture { get; set; } = [];

    public static string Fill(string template, IReadOnlyDictionary<string, string> values) =>
        Regex.Replace(template, @"\{(\w+)\}", m => values.TryGetValue(m.Groups[1].Value, out var value) ? value : m.Value);

    /// <summary>Checks the replies and adds the captures to <paramref name="values"/>.</summary>
    public void Check(IReadOnlyList<string> replies, Dictionary<string, string> values)
    {
        var all = string.Join("\n", replies);
        var expect = Expect is null ? null : Fill(Expect, values);
        if (expect is not null && !ContainsAny(all, expect))
        {
            throw new BenchException($"after '{Fill(Say, values)}' expected '{expect}', got: {Shorten(all)}");
        }

        foreach (var (name, pattern) in Capture)
        {
            var match = Regex.Match(all, pattern);
            if (!match.Success)
            {
                throw new BenchException($"after '{Fill(Say, values)}' nothing matched {pattern} in: {Shorten(all)}");
            }

            values[name] = match.Groups[1].Value;
        }
    }

    /// <summary>True when <paramref name="text"/> contains one of the " | "-separated fragments of <paramref name="expect"/>.</summary>
    public static bool ContainsAny(string text, string expect) =>
        expect.Split(" | ", StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Any(fragment => text.Contains(fragment, StringComparison.OrdinalIgnoreCase));

    /// <summary>True when this step is to be sent after <paramref name="previous"/> (the previous step's replies).</summary>
    public bool AppliesAfter(IReadOnlyList<string> previous, IReadOnlyDictionary<string, string> values) =>
        When is null || ContainsAny(string.Join("\n", previous), Fill(When, values));

    private static string Shorten(string text) => text.Length <= 300 ? text : text[..300] + "…";
}
