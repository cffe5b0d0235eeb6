using Bot.Dialogs.Activities;

namespace Bot.Tests.Support;

/// <summary>Builds activities as a channel would send them.</summary>
public static class Some
{
    public static Activity Message(string conversationId, string userId, string text, string channelId = "test") => new()
    {
        Type = ActivityTypes.Message,
        Id = Guid.NewGuid().ToString("N"),
        ChannelId = channelId,
        ServiceUrl = "https://test.example/",
        From = new ChannelAccount { Id = userId, Name = "User " + userId, Role = "user" },
        Recipient = new ChannelAccount { Id = "bot", Name = "Sinergi", Role = "bot" },
        Conversation = new ConversationAccount { Id = conversationId },
        Text = text,
        Locale = "id-ID",
    };

    public static Activity ConversationUpdate(string conversationId, string userId, string channelId = "test") => new()
    {
        Type = ActivityTypes.ConversationUpdate,
        Id = Guid.NewGuid().ToString("N"),
        ChannelId = channelId,
        ServiceUrl = "https://test.example/",
        From = new ChannelAccount { Id = userId },
        Recipient = new ChannelAccount { Id = "bot", Name = "Sinergi", Role = "bot" },
        Conversation = new ConversationAccount { Id = conversationId },
        MembersAdded = [new ChannelAccount { Id = userId, Name = "User" }, new ChannelAccount { Id = "bot", Name = "Sinergi" }],
    };
}
