using System.Text;

namespace Bot.Knowledge.Language;

/// <summary>
/// Reads labelled examples written in the spirit of Rasa's nlu files: a heading names the label, each "- " line
/// under it is one example, and entities are annotated inline as <c>[text](entity)</c> or
/// <c>[text](entity:value)</c>. Lines starting with a single '#' are comments.
/// <code>
/// ## intent: commitment.register
/// - mau tambah rencana aksi
/// - lapor [RA-2026-001](ra_code) [B6](period)
/// </code>
/// </summary>
public static class ExampleFile
{
    /// <summary>Every example of the file, in order. Throws <see cref="FormatException"/> with the line number on a malformed line.</summary>
    public static IReadOnlyList<LabelledExample> Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var examples = new List<LabelledExample>();
        string? kind = null;
        string? label = null;
        var lineNumber = 0;
        foreach (var rawLine in text.Split('\n'))
        {
            lineNumber++;
            var line = rawLine.Trim();
            if (line.Length == 0 || (line[0] == '#' && !line.StartsWith("##", StringComparison.Ordinal)))
            {
                continue;
            }

            if (line.StartsWith("##", StringComparison.Ordinal))
            {
                (kind, label) = ParseHeading(line.TrimStart('#').Trim(), lineNumber);
                continue;
            }

            if (line[0] != '-')
            {
                throw new FormatException($"Line {lineNumber}: expected '## kind: label' or '- example', got '{line}'.");
            }

            if (label is null)
            {
                throw new FormatException($"Line {lineNumber}: an example before any '## kind: label' heading.");
            }

            var (plain, entities) = ParseAnnotations(line[1..].Trim(), lineNumber);
            if (plain.Length > 0)
            {
                examples.Add(new LabelledExample(kind!, label, plain, entities));
            }
        }

        return examples;
    }

    private static (string Kind, string Label) ParseHeading(string heading, int lineNumber)
    {
        var colon = heading.IndexOf(':', StringComparison.Ordinal);
        var kind = colon < 0 ? "intent" : heading[..colon].Trim();
        var label = colon < 0 ? heading : heading[(colon + 1)..].Trim();
        return label.Length == 0 ? throw new FormatException($"Line {lineNumber}: a heading without a label.") : (kind, label);
    }

    private static (string Text, IReadOnlyList<EntitySpan> Entities) ParseAnnotations(string line, int lineNumber)
    {
        var text = new StringBuilder(line.Length);
        var entities = new List<EntitySpan>();
        var i = 0;
        while (i < line.Length)
        {
            var open = line.IndexOf('[', i);
            var close = open < 0 ? -1 : line.IndexOf("](", open, StringComparison.Ordinal);
            var end = close < 0 ? -1 : line.IndexOf(')', close);
            if (open < 0 || close < 0 || end < 0)
            {
                text.Append(line, i, line.Length - i);
                break;
            }

            text.Append(line, i, open - i);
            var span = line[(open + 1)..close];
            var annotation = line[(close + 2)..end];
            if (span.Length == 0 || annotation.Length == 0)
            {
                throw new FormatException($"Line {lineNumber}: an empty entity annotation in '{line}'.");
            }

            var separator = annotation.IndexOf(':', StringComparison.Ordinal);
            var name = separator < 0 ? annotation : annotation[..separator];
            var value = separator < 0 ? span : annotation[(separator + 1)..];
            entities.Add(new EntitySpan(name.Trim(), value.Trim(), text.Length, span.Length));
            text.Append(span);
            i = end + 1;
        }

        return (text.ToString().Trim(), entities);
    }
}

/// <summary>One example: its heading's kind ("intent"), its label, the text without annotations, and its entities.</summary>
public sealed record LabelledExample(string Kind, string Label, string Text, IReadOnlyList<EntitySpan> Entities);

/// <summary>An annotated entity: its name, its value (the span itself unless given), and where it sits in the text.</summary>
public sealed record EntitySpan(string Name, string Value, int Start, int Length);
