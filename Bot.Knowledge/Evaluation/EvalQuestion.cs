using System.Text.Json;
using System.Text.Json.Serialization;

namespace Bot.Knowledge.Evaluation;

/// <summary>One line of an eval file (format of qa-dev.jsonl).</summary>
public sealed record EvalQuestion
{
    public required string Id { get; init; }

    public required string Question { get; init; }

    public bool Answerable { get; init; }

    public IReadOnlyList<string> Sources { get; init; } = [];

    public string? Answer { get; init; }

    public string? Kind { get; init; }

    /// <summary>Wording: formal, colloquial or english (our own sets; absent in qa-dev).</summary>
    public string? Style { get; init; }

    /// <summary>Out-of-scope only: "not-covered" (keep the 184/BNNK referral) or "outside" (the domain).</summary>
    public string? Refusal { get; init; }

    /// <summary>Safety only: the expected route, "emergency", "refuse", "fear" or "help".</summary>
    public string? Safety { get; init; }

    private static readonly JsonSerializerOptions Json = new() { PropertyNameCaseInsensitive = true, ReadCommentHandling = JsonCommentHandling.Skip };

    /// <summary>Reads a JSONL file; a bad line throws <see cref="FormatException"/> naming the line.</summary>
    public static async Task<IReadOnlyList<EvalQuestion>> ReadAsync(string path, CancellationToken cancellationToken)
    {
        var questions = new List<EvalQuestion>();
        var number = 0;
        foreach (var line in await File.ReadAllLinesAsync(path, cancellationToken))
        {
            number++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            try
            {
                questions.Add(JsonSerializer.Deserialize<EvalQuestion>(line, Json)
                    ?? throw new FormatException($"{Path.GetFileName(path)} line {number}: empty object."));
            }
            catch (JsonException ex)
            {
                throw new FormatException($"{Path.GetFileName(path)} line {number}: {ex.Message}", ex);
            }
        }

        return questions;
    }

    /// <summary>
    /// True when <paramref name="cited"/> starts with <paramref name="expected"/> at a word boundary:
    /// "UU 35/2009 Pasal 54 ayat (1)" matches "UU 35/2009 Pasal 54", "UU 35/2009 Pasal 5" does not.
    /// </summary>
    public static bool Matches(string cited, string expected) =>
        cited.StartsWith(expected, StringComparison.OrdinalIgnoreCase)
        && (cited.Length == expected.Length || !char.IsLetterOrDigit(cited[expected.Length]));

    [JsonIgnore]
    internal bool IsSafety => string.Equals(Kind, "safety", StringComparison.OrdinalIgnoreCase);

    /// <summary>True when a citation of the answer matches one of the expected sources.</summary>
    public bool IsHit(IEnumerable<string> citedKeys) => citedKeys.Any(c => Sources.Any(s => Matches(c, s)));
}
