using Bot.Knowledge.Language;

namespace Bot.Knowledge.Answering;

/// <summary>What the answerer says, and the passages it rests on.</summary>
/// <param name="Text">Markdown answer in the user's language (quotes of sources stay Indonesian).</param>
/// <param name="Kind">Answered, not covered, a safety answer or a refusal.</param>
/// <param name="Citations">Every passage the answer uses, best first.</param>
/// <param name="Confidence">Retrieval confidence (0..1) behind the answer; 1 for fixed safety answers.</param>
public sealed record Answer(string Text, AnswerKind Kind, IReadOnlyList<Citation> Citations, double Confidence)
{
    /// <summary>Which answerer produced it: "extractive", "llm", "safety".</summary>
    public string Method { get; init; } = "extractive";

    /// <summary>The passages retrieval ranked, best first (for evaluation and "read more"), ids only.</summary>
    public IReadOnlyList<string> RetrievedKeys { get; init; } = [];

    /// <summary>What the safety screen found; <see cref="SafetyConcern.None"/> for ordinary answers.</summary>
    public SafetyConcern Concern { get; init; }

    /// <summary>
    /// Which check declined the question (a <see cref="DeclineReason"/> name), null when it was answered: for the eval
    /// rows, so that false refusals can be counted by cause.
    /// </summary>
    public string? Declined { get; init; }
}

/// <summary>A cited passage.</summary>
/// <param name="Key">Citation key, e.g. "UU 35/2009 Pasal 54" or "Inpres 2/2020".</param>
/// <param name="DocumentTitle">The document's full title.</param>
/// <param name="Pasal">Article number, or null for a document-level passage.</param>
/// <param name="PassageId">Id to fetch the full passage with <see cref="IPassageReader"/>.</param>
/// <param name="Excerpt">The part of the passage the answer used.</param>
/// <param name="Status">The passage's legal status.</param>
public sealed record Citation(string Key, string DocumentTitle, string? Pasal, string PassageId, string Excerpt, string Status);

/// <summary>The kind of answer.</summary>
public enum AnswerKind
{
    /// <summary>Answered from the sources.</summary>
    Answered,

    /// <summary>The sources do not cover the question; the text refers the user to 184 or the local BNNK.</summary>
    NotCovered,

    /// <summary>A fixed, reviewed answer for someone seeking help for addiction or an overdose.</summary>
    Safety,

    /// <summary>A request for how to obtain or use drugs, or to hide use or beat a test, refused with a pointer to help.</summary>
    Refused,

    /// <summary>Not about narcotics or P4GN at all: a short "I only answer about narcotics and P4GN", no referral.</summary>
    OutOfDomain,
}
