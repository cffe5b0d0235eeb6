using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace Bot.Knowledge.Retrieval;

/// <summary>
/// Adds, at the same position, the root an Indonesian nasal prefix hides: Lucene's stemmer turns
/// "memakai" into "akai" and "mengetahui" into "etahu", so "pakai" and "tahu" would never meet them.
/// meN- before a vowel stands for a dropped p (mem-), t (men-) or k (meng-); the same holds for peN-.
/// Emitting both readings costs a few index terms and lets both spellings match.
/// </summary>
internal sealed class NasalPrefixFilter : TokenFilter
{
    private readonly ICharTermAttribute _term;
    private readonly IPositionIncrementAttribute _position;
    private string? _pending;
    private State? _state;

    public NasalPrefixFilter(TokenStream input)
        : base(input)
    {
        _term = AddAttribute<ICharTermAttribute>();
        _position = AddAttribute<IPositionIncrementAttribute>();
    }

    public override bool IncrementToken()
    {
        if (_pending is not null)
        {
            RestoreState(_state);
            _term.SetEmpty().Append(_pending);
            _position.PositionIncrement = 0;
            _pending = null;
            return true;
        }

        if (!m_input.IncrementToken())
        {
            return false;
        }

        _pending = Root(_term.ToString());
        if (_pending is not null)
        {
            _state = CaptureState();
        }

        return true;
    }

    public override void Reset()
    {
        base.Reset();
        _pending = null;
        _state = null;
    }

    /// <summary>"memakai" → "pakai", "menanam" → "tanam", "mengetahui" → "ketahui"; null when not such a word.</summary>
    internal static string? Root(string word)
    {
        if (word.Length < 6 || !(word.StartsWith("me", StringComparison.Ordinal) || word.StartsWith("pe", StringComparison.Ordinal)))
        {
            return null;
        }

        var rest = word[2..];
        return rest switch
        {
            _ when rest.StartsWith("ng", StringComparison.Ordinal) && IsVowel(rest, 2) => "k" + rest[2..],
            _ when rest.StartsWith("ny", StringComparison.Ordinal) => null,
            _ when rest.StartsWith('m') && IsVowel(rest, 1) => "p" + rest[1..],
            _ when rest.StartsWith('n') && IsVowel(rest, 1) => "t" + rest[1..],
            _ => null,
        };
    }

    private static bool IsVowel(string text, int index) => index < text.Length && "aiueo".Contains(text[index], StringComparison.Ordinal);
}
