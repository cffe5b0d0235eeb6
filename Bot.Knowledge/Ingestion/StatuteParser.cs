using System.Text.RegularExpressions;
using Bot.Knowledge.Passages;

namespace Bot.Knowledge.Ingestion;

/// <summary>
/// Turns the text of an Indonesian statute into article-level passages: BAB and Bagian become the heading,
/// each Pasal keeps its ayat, and the Penjelasan of a Pasal (the second run of "Pasal N" headings, after the
/// signature) is attached to it. The closing formula, the general elucidation and the annexes are left out.
/// </summary>
internal static partial class StatuteParser
{
    private enum Mode
    {
        Preamble,
        Body,
        AfterSignature,
        Explanation,
        Done,
    }

    /// <summary>Parses <paramref name="text"/>; throws <see cref="DocumentRejectedException"/> when it is not a statute.</summary>
    public static ParsedStatute Parse(string text, string sourceName)
    {
        var lines = text.Replace("\r", string.Empty, StringComparison.Ordinal)
            .Split('\n')
            .Select(TextCleaner.Clean)
            .Where(l => l.Length > 0)
            .ToList();
        var opening = string.Join(' ', lines.Take(6));
        var title = StatuteTitle.Parse(opening.Length > 1200 ? opening[..1200] : opening)
            ?? throw new DocumentRejectedException(
                $"{sourceName}: the opening lines do not name a regulation (expected e.g. \"UNDANG-UNDANG REPUBLIK INDONESIA NOMOR 35 TAHUN 2009 TENTANG NARKOTIKA\").");

        var articles = Walk(lines);
        if (articles.Count == 0)
        {
            throw new DocumentRejectedException($"{sourceName}: no article (a line \"Pasal 1\") was found in the text.");
        }

        var status = $"Teks resmi {title.Key} (diingest dari {sourceName}).";
        var slug = Slug(title.Key);
        var passages = articles.Where(a => a.HasText).Select(a => new Passage
        {
            Id = $"{slug}/pasal-{a.Number.ToLowerInvariant()}",
            DocumentKey = title.Key,
            DocumentTitle = title.Title,
            CitationKey = $"{title.Key} Pasal {a.Number}",
            Pasal = a.Number,
            Heading = a.Heading,
            Text = a.Text,
            Explanation = a.Explanation,
            Status = a.IsPenal ? status + " " + KuhpNote.Status : status,
            IsPenal = a.IsPenal,
            Source = PassageSource.Ingested,
        }).ToList();
        return new ParsedStatute(title.Key, title.Title, passages);
    }

    /// <summary>"UU 35/2009" → "uu-35-2009".</summary>
    public static string Slug(string key) => NonSlug().Replace(key.ToLowerInvariant(), "-").Trim('-');

    private static List<ArticleBuilder> Walk(List<string> lines)
    {
        var articles = new List<ArticleBuilder>();
        var byNumber = new Dictionary<string, ArticleBuilder>(StringComparer.OrdinalIgnoreCase);
        var mode = Mode.Preamble;
        string? chapter = null;
        string? section = null;
        ArticleBuilder? current = null;

        foreach (var raw in lines)
        {
            var line = raw;
            if (mode == Mode.Done)
            {
                break;
            }

            if (mode is Mode.AfterSignature or Mode.Explanation && EndOfExplanation().Match(line) is { Success: true } end)
            {
                AddExplanation(current, line[..end.Index], mode);
                mode = Mode.Done;
                continue;
            }

            if (mode == Mode.Body && line.Contains("Agar setiap orang mengetahuinya", StringComparison.OrdinalIgnoreCase))
            {
                mode = Mode.AfterSignature;
                current = null;
                continue;
            }

            if (ExplanationStart().IsMatch(line) && mode != Mode.Preamble)
            {
                mode = Mode.Explanation;
                current = null;
                continue;
            }

            var pasal = PasalHeading().Match(line);
            if (pasal.Success)
            {
                var number = pasal.Groups[1].Value;
                if (mode is Mode.Preamble or Mode.Body && !byNumber.ContainsKey(number))
                {
                    mode = Mode.Body;
                    current = new ArticleBuilder(number, Heading(chapter, section), IsPenal(chapter));
                    articles.Add(current);
                    byNumber[number] = current;
                }
                else
                {
                    // A Pasal seen again is its Penjelasan, whether or not the signature was recognised.
                    mode = Mode.Explanation;
                    current = byNumber.GetValueOrDefault(number);
                }

                continue;
            }

            if (mode is Mode.Preamble or Mode.Body)
            {
                if (Chapter().Match(line) is { Success: true } bab)
                {
                    chapter = $"BAB {bab.Groups[1].Value} {TitleCase(bab.Groups[2].Value)}".Trim();
                    section = null;
                    current = null;
                    mode = Mode.Body;
                    continue;
                }

                if (Section().Match(line) is { Success: true } bagian)
                {
                    section = bagian.Value.Trim();
                    current = null;
                    continue;
                }

                if (mode == Mode.Body && InlineParagraph().Match(line) is { Success: true } paragraf)
                {
                    current?.AddLine(line[..paragraf.Index].Trim());
                    section = paragraf.Value.Trim();
                    current = null;
                    continue;
                }

                current?.AddLine(line);
            }
            else if (mode == Mode.Explanation)
            {
                AddExplanation(current, line, mode);
            }
        }

        return articles;
    }

    private static void AddExplanation(ArticleBuilder? article, string text, Mode mode)
    {
        if (mode == Mode.Explanation && article is not null && !string.IsNullOrWhiteSpace(text))
        {
            article.AddExplanation(text.Trim());
        }
    }

    private static string? Heading(string? chapter, string? section) =>
        (chapter, section) switch
        {
            (null, null) => null,
            (_, null) => chapter,
            (null, _) => section,
            _ => $"{chapter} — {section}",
        };

    private static bool IsPenal(string? chapter) =>
        chapter is not null && chapter.Contains("Pidana", StringComparison.OrdinalIgnoreCase);

    private static string TitleCase(string upper) =>
        string.Join(' ', upper.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(w =>
            w is "DAN" or "DI" or "ATAU" or "KE" ? w.ToLowerInvariant() : w[..1] + w[1..].ToLowerInvariant()));

    [GeneratedRegex(@"^Pasal\s+(\d+[A-Z]?)$")]
    private static partial Regex PasalHeading();

    [GeneratedRegex(@"^BAB\s+([IVXLC]+)\b\s*(.*)$")]
    private static partial Regex Chapter();

    [GeneratedRegex(@"^Bagian\s+(Kesatu|Pertama|Kedua|Ketiga|Keempat|Kelima|Keenam|Ketujuh|Kedelapan|Kesembilan|Kesepuluh|Ke\w+)\b.*$")]
    private static partial Regex Section();

    [GeneratedRegex(@"Paragraf\s+\d+\s+\p{Lu}[\p{L} ,]*$")]
    private static partial Regex InlineParagraph();

    [GeneratedRegex(@"^(PENJELASAN\b|.*\bPASAL DEMI PASAL\b)")]
    private static partial Regex ExplanationStart();

    [GeneratedRegex(@"TAMBAHAN LEMBARAN NEGARA|\bLAMPIRAN\s+[IVX]*\s*(UNDANG|PERATURAN)")]
    private static partial Regex EndOfExplanation();

    [GeneratedRegex(@"[^a-z0-9]+")]
    private static partial Regex NonSlug();
}

/// <summary>A statute split into passages.</summary>
internal sealed record ParsedStatute(string Key, string Title, IReadOnlyList<Passage> Passages);
