using Bot.Dialogs.Activities;
using Bot.Dialogs.Engine;

namespace Bot.Tests.Support;

/// <summary>
/// Plays one user's side of a conversation over the real turn pipeline: send a message, get the bot's replies,
/// assert on their text and suggested actions. Swap <see cref="Host"/> to continue after a restart.
/// </summary>
public sealed class ConversationDriver(DialogsHost host, string userId = "u1", string? conversationId = null, string locale = "id-ID", string channelId = "test")
{
    public DialogsHost Host { get; set; } = host;

    public string UserId { get; } = userId;

    public string ConversationId { get; } = conversationId ?? "conv-" + userId;

    /// <summary>The user key the bot stores for this account ("test|u1").</summary>
    public string UserKey => TurnProcessor.UserKey(channelId, UserId);

    public IReadOnlyList<Activity> Replies { get; private set; } = [];

    /// <summary>
    /// All reply texts of the last turn, joined, as a reader sees them: user text the bot escaped inside its Markdown
    /// (MarkdownText) reads as typed.
    /// </summary>
    public string Text => string.Join("\n---\n", Replies.Select(r => MarkdownText.Unescape(r.Text)));

    public Task<IReadOnlyList<Activity>> SendAsync(string text) => SendAsync(Message(text));

    public async Task<IReadOnlyList<Activity>> SendAsync(Activity activity)
    {
        var result = await Host.Get<TurnProcessor>().ProcessAsync(activity, TestContext.Token);
        Assert.Equal(TurnStatus.Completed, result.Status);
        Replies = result.Replies;
        return Replies;
    }

    /// <summary>Sends and asserts that a reply contains every expected fragment (ignoring case).</summary>
    public async Task<string> SayAsync(string text, params string[] expected)
    {
        await SendAsync(text);
        AssertReply(expected);
        return Text;
    }

    public void AssertReply(params string[] expected)
    {
        Assert.NotEmpty(Replies);
        foreach (var fragment in expected)
        {
            Assert.True(Text.Contains(fragment, StringComparison.OrdinalIgnoreCase), $"Expected a reply containing '{fragment}', got:\n{Text}");
        }
    }

    public void AssertReply(Func<Activity, bool> predicate, string description) =>
        Assert.True(Replies.Any(predicate), $"Expected a reply where {description}, got:\n{Text}");

    public void AssertNoReplyContains(string fragment) =>
        Assert.False(Text.Contains(fragment, StringComparison.OrdinalIgnoreCase), $"Expected no reply containing '{fragment}', got:\n{Text}");

    /// <summary>The suggested actions of the last reply that has any.</summary>
    public IReadOnlyList<string> Suggestions =>
        Replies.LastOrDefault(r => r.SuggestedActions is not null)?.SuggestedActions?.Actions.Select(a => a.Title ?? string.Empty).ToList() ?? [];

    public void AssertSuggests(params string[] titles)
    {
        foreach (var title in titles)
        {
            Assert.Contains(title, Suggestions);
        }
    }

    public Activity Message(string text) => Some.Message(ConversationId, UserId, text, channelId) with { Locale = locale };
}
