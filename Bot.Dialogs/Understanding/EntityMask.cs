using System.Text;
using Bot.Dialogs.Understanding.Entities;

namespace Bot.Dialogs.Understanding;

/// <summary>
/// Replaces each structured entity with a placeholder word before classification, in training and at run time
/// alike, so that "lapor RA-2026-001 B6" and "lapor ra 2027 14 b12" look the same to the classifier and the
/// digits of a code are not mistaken for meaning.
/// </summary>
internal static class EntityMask
{
    public static string Apply(string text, IReadOnlyList<EntityMention> mentions)
    {
        if (mentions.Count == 0)
        {
            return text;
        }

        var masked = new StringBuilder(text.Length);
        var position = 0;
        foreach (var mention in mentions)
        {
            masked.Append(text, position, mention.Start - position).Append(' ').Append(Placeholder(mention.Name)).Append(' ');
            position = mention.Start + mention.Length;
        }

        return masked.Append(text, position, text.Length - position).ToString();
    }

    private static string Placeholder(string entity) => entity switch
    {
        EntityNames.CommitmentCode => "xkoderencana",
        EntityNames.TipCode => "xkodelacak",
        EntityNames.Period => "xperiode",
        EntityNames.Year => "xtahun",
        EntityNames.TimeZone => "xzona",
        EntityNames.Duration => "xdurasi",
        _ => "xkode",
    };
}
