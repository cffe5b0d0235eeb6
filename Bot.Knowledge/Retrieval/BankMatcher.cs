using Bot.Knowledge.Bank;

namespace Bot.Knowledge.Retrieval;

/// <summary>The question bank's answerable questions behind a <see cref="QuestionMatcher"/>: question → nearest bank questions.</summary>
internal sealed class BankMatcher(QuestionBank bank)
{
    private readonly Lazy<QuestionMatcher> _matcher = new(() => new QuestionMatcher(bank.Answers.Select(a => a.Text).ToList()));

    /// <summary>The nearest bank questions with their cosine similarity, best first.</summary>
    public IReadOnlyList<(BankQuestion Question, double Similarity)> Match(string question, int top) =>
        _matcher.Value.Match(question, top).Select(m => (bank.Answers[m.Index], m.Similarity)).ToList();
}
