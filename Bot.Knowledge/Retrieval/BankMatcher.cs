using Bot.Knowledge.Bank;

namespace Bot.Knowledge.Retrieval;

/// <summary>The question bank's answerable questions behind a <see cref="QuestionMatcher"/>: question → nearest bank questions.</summary>
internal sealed class BankMatcher(QuestionBank bank)
{
    /// <summary>One matcher per bank for the whole process.</summary>
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<QuestionBank, Lazy<QuestionMatcher>> Built = [];

    private readonly Lazy<QuestionMatcher> _matcher = Built.GetValue(bank, b => new Lazy<QuestionMatcher>(() => new QuestionMatcher(b.Answers.Select(a => a.Text).ToList())));

    /// <summary>The nearest bank questions with their cosine similarity, best first.</summary>
    public IReadOnlyList<(BankQuestion Question, double Similarity)> Match(string question, int top) =>
        _matcher.Value.Match(question, top).Select(m => (bank.Answers[m.Index], m.Similarity)).ToList();
}
