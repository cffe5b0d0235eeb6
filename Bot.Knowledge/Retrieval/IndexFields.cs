namespace Bot.Knowledge.Retrieval;

/// <summary>Field names of the passage index.</summary>
internal static class IndexFields
{
    public const string Id = "id";
    public const string Document = "doc";
    public const string Source = "source";
    public const string Key = "key";
    public const string Json = "json";

    /// <summary>Heading, text, Penjelasan, keywords and citation words, analyzed: what queries search.</summary>
    public const string All = "all";

    /// <summary>Heading, keywords and citation words only: a match here means the passage is about the term.</summary>
    public const string Head = "head";

    /// <summary>The question bank's questions for the passage (analyzed): how people ask what it answers.</summary>
    public const string Questions = "questions";
}
