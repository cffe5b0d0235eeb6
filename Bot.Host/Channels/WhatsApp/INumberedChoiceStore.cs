namespace Bot.Host.Channels.WhatsApp;

/// <summary>The numbered choices last offered in each WhatsApp conversation (a reply "2" picks the second).</summary>
internal interface INumberedChoiceStore
{
    void Remember(string conversationId, IReadOnlyList<string> choices);

    /// <summary>Resolves a bare number to its choice and forgets the numbering either way (it answers one message).</summary>
    string? Resolve(string conversationId, string? text);
}
