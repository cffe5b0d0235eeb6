namespace Bot.Dialogs.Understanding.Entities;

/// <summary>
/// The free-text argument of a command: the words of the message that are neither the intent's carrier words
/// (learned, <see cref="ArgumentVocabulary"/>) nor a structured entity, from the first such word to the last, as
/// the user typed them. "tolong buatkan kode undangan untuk Dinas Sosial ya" → "Dinas Sosial".
/// </summary>
internal static class ArgumentExtractor
{
    private static readonly char[] Edges = [',', '.', '!', '?', ':', ';', '"', '\'', '*'];

    public static string? Extract(string text, IReadOnlyList<MessageToken> tokens, string intent, IReadOnlyList<EntityMention> mentions, ArgumentVocabulary vocabulary)
    {
        // Runs of argument words; a structured entity ends a run.
        var best = (First: -1, Last: -1);
        var current = (First: -1, Last: -1);
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            if (mentions.Any(m => token.Start < m.Start + m.Length && m.Start < token.End))
            {
                current = (-1, -1);
                continue;
            }

            if (token.Words.Count == 0 || token.Words.All(w => vocabulary.IsCarrier(intent, w)))
            {
                continue;
            }

            current = current.First < 0 ? (i, i) : (current.First, i);
            if (best.First < 0 || current.Last - current.First > best.Last - best.First)
            {
                best = current;
            }
        }

        if (best.First < 0)
        {
            return null;
        }

        // A new OPD's name starts at a word that starts OPD names ("mau registrasi opd Dinas Tenaga Kerja"): words
        // before it in the run are framing the examples did not happen to teach.
        if (intent == Intents.AddOrganisation)
        {
            for (var i = best.First; i < best.Last; i++)
            {
                if (tokens[i].Words.Count > 0 && vocabulary.StartsOrganisationName(tokens[i].Words[0]))
                {
                    best = (i, best.Last);
                    break;
                }
            }
        }

        var argument = text[tokens[best.First].Start..tokens[best.Last].End].Trim().Trim(Edges).Trim();
        return argument.Length > 0 ? argument : null;
    }
}
