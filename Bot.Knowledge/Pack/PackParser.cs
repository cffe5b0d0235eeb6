using System.Text.RegularExpressions;
using Bot.Knowledge.Passages;

namespace Bot.Knowledge.Pack;

/// <summary>
/// Reads one pack file. Layout: a <c># Title</c> line with optional default fields under it, then one
/// <c>## Heading</c> section per passage, each starting with <c>field: value</c> lines (key, title, status,
/// keywords, penal) followed by a blank line and the passage text.
/// </summary>
internal static partial class PackParser
{
    public static IEnumerable<Passage> Parse(string markdown, string fileStem)
    {
        var defaults = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        Section? current = null;
        foreach (var raw in markdown.Replace("\r", string.Empty, StringComparison.Ordinal).Split('\n'))
        {
            var line = raw.TrimEnd();
            if (line.StartsWith("## ", StringComparison.Ordinal))
            {
                if (current is not null)
                {
                    yield return current.ToPassage(fileStem, defaults);
                }

                current = new Section(line[3..].Trim());
            }
            else if (line.StartsWith("# ", StringComparison.Ordinal) || line.StartsWith("<!--", StringComparison.Ordinal))
            {
                continue;
            }
            else if (Field().Match(line) is { Success: true } field && (current is null || current.InFields))
            {
                (current?.Fields ?? defaults)[field.Groups[1].Value] = field.Groups[2].Value.Trim();
            }
            else if (current is not null)
            {
                current.AddLine(line);
            }
        }

        if (current is not null)
        {
            yield return current.ToPassage(fileStem, defaults);
        }
    }

    private static string Slug(string text) => NonSlug().Replace(text.ToLowerInvariant(), "-").Trim('-');

    [GeneratedRegex(@"^(key|title|status|keywords|penal):\s*(.*)$", RegexOptions.IgnoreCase)]
    private static partial Regex Field();

    [GeneratedRegex(@"\bPasal\s+(\d+[A-Z]?)$")]
    private static partial Regex PasalInKey();

    [GeneratedRegex(@"[^a-z0-9]+")]
    private static partial Regex NonSlug();

    private sealed class Section(string heading)
    {
        private readonly List<string> _lines = [];

        public string Heading { get; } = heading;

        public Dictionary<string, string> Fields { get; } = new(StringComparer.OrdinalIgnoreCase);

        /// <summary>Field lines come first; the first text line ends them.</summary>
        public bool InFields { get; private set; } = true;

        public void AddLine(string line)
        {
            if (line.Length > 0)
            {
                InFields = false;
            }

            if (!InFields)
            {
                _lines.Add(line);
            }
        }

        public Passage ToPassage(string fileStem, Dictionary<string, string> defaults)
        {
            string Get(string name) => Fields.GetValueOrDefault(name) ?? defaults.GetValueOrDefault(name)
                ?? throw new InvalidOperationException($"Pack file {fileStem}, section \"{Heading}\": the field '{name}' is missing.");

            var key = Get("key");
            var text = string.Join('\n', _lines).Trim();
            if (text.Length == 0)
            {
                throw new InvalidOperationException($"Pack file {fileStem}, section \"{Heading}\" has no text.");
            }

            var pasal = PasalInKey().Match(key);
            return new Passage
            {
                Id = $"pack/{fileStem}/{Slug(Heading)}",
                DocumentKey = "pack/" + fileStem,
                DocumentTitle = Get("title"),
                CitationKey = key,
                Pasal = pasal.Success ? pasal.Groups[1].Value : null,
                Heading = Heading,
                Text = text,
                Keywords = Fields.GetValueOrDefault("keywords"),
                Status = Get("status"),
                IsPenal = string.Equals(Fields.GetValueOrDefault("penal"), "yes", StringComparison.OrdinalIgnoreCase),
                Source = PassageSource.Pack,
            };
        }
    }
}
