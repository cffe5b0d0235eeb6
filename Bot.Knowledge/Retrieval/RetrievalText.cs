using System.Text.RegularExpressions;
using Bot.Knowledge.Language;

namespace Bot.Knowledge.Retrieval;

/// <summary>
/// The text retrieval compares: the <see cref="TextNormalizer">normalised</see> message, with the narcotics classes
/// written the way the statutes write them ("golongan 3", "golongan tiga" → "golongan iii"), and the kind of
/// answer a question asks for (when, who, how much, how, where, may) as extra features for nearest-question
/// matching, so "kapan dimusnahkan" and "dengan cara apa dimusnahkan" do not look alike.
/// </summary>
internal static partial class RetrievalText
{
    private static readonly Dictionary<string, string> AskedFor = new(StringComparer.Ordinal)
    {
        ["kapan"] = "?when", ["when"] = "?when", ["tanggal"] = "?when",
        ["siapa"] = "?who", ["who"] = "?who", ["whom"] = "?who",
        ["berapa"] = "?much", ["lama"] = "?much", ["much"] = "?much", ["many"] = "?much", ["long"] = "?much",
        ["bagaimana"] = "?how", ["cara"] = "?how", ["how"] = "?how", ["prosedur"] = "?how",
        ["mana"] = "?where", ["where"] = "?where", ["tempat"] = "?where",
        ["boleh"] = "?may", ["bolehkah"] = "?may", ["can"] = "?may", ["may"] = "?may", ["allowed"] = "?may",
    };

    public static string Normalize(string? text) =>
        Golongan().Replace(TextNormalizer.Normalize(text), m => "golongan " + Roman(m.Groups[1].Value));

    /// <summary>The question-kind markers of a normalised text ("?when", "?who", …), once each.</summary>
    public static IEnumerable<string> Asks(string normalized) =>
        normalized.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(w => AskedFor.GetValueOrDefault(w))
            .OfType<string>()
            .Distinct(StringComparer.Ordinal);

    private static string Roman(string value) => value switch
    {
        "1" or "satu" or "i" => "i",
        "2" or "dua" or "ii" => "ii",
        _ => "iii",
    };

    [GeneratedRegex(@"\bgolongan (1|2|3|satu|dua|tiga|i|ii|iii)\b")]
    private static partial Regex Golongan();
}
