using Bot.Host.Channels.WhatsApp;
using LiteDB;

namespace Bot.Host.Storage.LiteDb;

/// <summary>
/// More than ten choices do not fit a WhatsApp list, so they go out as numbered lines. This remembers the
/// numbering per conversation until the user's next message, which may then answer "3" for the third choice.
/// </summary>
internal sealed class LiteDbNumberedChoiceStore(SinergiDatabase database) : INumberedChoiceStore
{
    private readonly ILiteCollection<Choices> _choices = database.Collection<Choices>("whatsapp_choices");

    public void Remember(string conversationId, IReadOnlyList<string> choices) =>
        _choices.Upsert(new Choices { Id = conversationId, Texts = [.. choices] });

    /// <summary>Resolves a bare number to its choice and forgets the numbering either way (it answers one message).</summary>
    public string? Resolve(string conversationId, string? text)
    {
        var stored = _choices.FindById(conversationId);
        if (stored is null)
        {
            return null;
        }

        _choices.Delete(conversationId);
        return int.TryParse(text?.Trim(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n)
            && n >= 1 && n <= stored.Texts.Count
            ? stored.Texts[n - 1]
            : null;
    }

    internal sealed class Choices
    {
        public string Id { get; set; } = string.Empty;
        public List<string> Texts { get; set; } = [];
    }
}
