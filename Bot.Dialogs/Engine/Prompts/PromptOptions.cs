namespace Bot.Dialogs.Engine.Prompts;

/// <summary>
/// What a prompt asks, already in the user's language. Stored in the prompt's frame, so a restart (or "kembali")
/// asks exactly the same question again.
/// </summary>
internal sealed class PromptOptions
{
    public string Text { get; set; } = string.Empty;

    /// <summary>Asked after an unrecognised answer; the question itself when absent.</summary>
    public string? RetryText { get; set; }

    /// <summary>Shown for "bantuan" at this question; the prompt's own hint when absent.</summary>
    public string? HelpText { get; set; }

    /// <summary>For choice prompts: the options, in order (the user may answer with their number).</summary>
    public List<PromptChoice> Choices { get; set; } = [];

    /// <summary>Extra quick replies (e.g. "lewati").</summary>
    public List<string> Suggestions { get; set; } = [];

    /// <summary>When true, "lewati"/"skip" ends the prompt with <see cref="SkippedAnswer"/> (optional fields).</summary>
    public bool AllowSkip { get; set; }

    /// <summary>For text prompts: the longest answer accepted.</summary>
    public int MaxLength { get; set; } = 200;

    /// <summary>
    /// A concrete answer shown after an answer that could not be used ("*30 Juni 2027*"); the prompt kind's own
    /// example when absent.
    /// </summary>
    public string? Example { get; set; }

    /// <summary>For date prompts: the year of a date typed without one (the plan year); today's year when absent.</summary>
    public int? DefaultYear { get; set; }
}

/// <summary>One option of a choice prompt: the value the dialog gets back, and what the user sees.</summary>
internal sealed class PromptChoice
{
    public string Value { get; set; } = string.Empty;
    public string Title { get; set; } = string.Empty;
    public List<string> Synonyms { get; set; } = [];

    public static PromptChoice Of(string value, string title, params string[] synonyms) =>
        new() { Value = value, Title = title, Synonyms = [.. synonyms] };
}

/// <summary>The answer to an optional question the user chose to skip.</summary>
internal sealed class SkippedAnswer
{
    public static readonly SkippedAnswer Instance = new();

    private static readonly HashSet<string> Words = new(StringComparer.OrdinalIgnoreCase) { "lewati", "lewat", "skip", "-", "tidak ada", "none" };

    private SkippedAnswer()
    {
    }

    public static bool IsSkip(string text) => Words.Contains(text.Trim());
}
