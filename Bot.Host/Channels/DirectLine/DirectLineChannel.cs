using Bot.Dialogs.Activities;

namespace Bot.Host.Channels.DirectLine;

/// <summary>Fixed identities of the built-in Direct Line channel.</summary>
internal static class DirectLineChannel
{
    public const string ChannelId = "directline";

    /// <summary>
    /// The stable serviceUrl on every activity the bot gets from this channel. The bot never calls it: replies come
    /// back in-process. It only has to stay the same, because stored conversation references keep it.
    /// </summary>
    public const string ServiceUrl = "urn:sinergi:directline";

    public const string BasePath = "/v3/directline";

    public static ChannelAccount Bot { get; } = new() { Id = "sinergi-bot", Name = "Sinergi", Role = "bot" };

    public static ChannelAccount User(DirectLineConversation conversation) =>
        new() { Id = conversation.UserId, Name = conversation.UserName, Role = "user" };

    public static ConversationAccount Conversation(string conversationId) => new() { Id = conversationId };

    /// <summary>An activity of the bot's, addressed to the conversation's user.</summary>
    public static Activity FromBot(DirectLineConversation conversation, Activity activity) => activity with
    {
        ChannelId = ChannelId,
        Conversation = Conversation(conversation.Id),
        From = Bot,
        Recipient = User(conversation),
    };
}
