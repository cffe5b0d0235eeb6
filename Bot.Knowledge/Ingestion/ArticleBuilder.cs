using System.Text.RegularExpressions;

namespace Bot.Knowledge.Ingestion;

/// <summary>Collects one Pasal while the parser walks the text: its place, its lines and its Penjelasan.</summary>
internal sealed partial class ArticleBuilder(string number, string? heading, bool isPenal)
{
    private readonly List<string> _lines = [];
    private readonly List<string> _explanation = [];

    public string Number { get; } = number;

    public string? Heading { get; } = heading;

    public bool IsPenal { get; } = isPenal;

    public bool HasText => _lines.Count > 0;

    public void AddLine(string line) => _lines.Add(line);

    public void AddExplanation(string line) => _explanation.Add(line);

    /// <summary>The article's text with each ayat and list item on its own line.</summary>
    public string Text => string.Join('\n', _lines.SelectMany(SplitUnits));

    /// <summary>The Penjelasan, or null when it only says "Cukup jelas".</summary>
    public string? Explanation
    {
        get
        {
            var text = string.Join(' ', _explanation).Trim();
            var meaningful = NothingToExplain().Replace(text, string.Empty).Trim();
            return meaningful.Length < 3 ? null : text;
        }
    }

    private static IEnumerable<string> SplitUnits(string line) =>
        UnitStart().Split(line).Select(u => u.Trim()).Where(u => u.Length > 0 && !BareMarker().IsMatch(u));

    // A new ayat "(2)" or list item "b." / "3." that the source ran into the previous one.
    [GeneratedRegex(@"(?<=[.;:])\s+(?=(\(\d+[a-z]?\)|[a-z]\.|\d{1,2}\.)\s)")]
    private static partial Regex UnitStart();

    // "(3)" alone: the source repeated an ayat number before the ayat itself.
    [GeneratedRegex(@"^(\(\d+[a-z]?\)|[a-z]\.|\d{1,2}\.)$")]
    private static partial Regex BareMarker();

    [GeneratedRegex(@"((Ayat\s*\(\d+[a-z]?\)|Huruf\s+[a-z]|Angka\s+\d+)\s*)*Cukup\s+jelas\.?", RegexOptions.IgnoreCase)]
    private static partial Regex NothingToExplain();
}
