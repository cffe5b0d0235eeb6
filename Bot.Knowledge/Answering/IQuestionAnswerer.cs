namespace Bot.Knowledge.Answering;

/// <summary>Answers a regulation question with citations. Never throws for a bad question.</summary>
public interface IQuestionAnswerer
{
    /// <param name="question">The user's text.</param>
    /// <param name="locale">The activity's locale; English framing when it starts with "en".</param>
    /// <param name="cancellationToken">Cancels retrieval and any LLM call.</param>
    Task<Answer> AnswerAsync(string question, string? locale, CancellationToken cancellationToken);
}

/// <summary>The full text of a passage, for "read the whole article".</summary>
public interface IPassageReader
{
    /// <summary>A passage by id, or null.</summary>
    PassageView? GetById(string passageId);

    /// <summary>
    /// A passage by citation key ("UU 35/2009 Pasal 54"), preferring the official ingested text over the
    /// pack's summary; null when nothing has that key.
    /// </summary>
    PassageView? GetByKey(string citationKey);
}

/// <summary>A passage as shown to a user.</summary>
public sealed record PassageView(string Id, string Key, string DocumentTitle, string? Heading, string Text, string? Explanation, string Status, bool IsOfficialText);
