using Bot.Dialogs.Reminders;
using Bot.Dialogs.Storage;
using LiteDB;

namespace Bot.Host.Storage.LiteDb;

/// <summary>The in-flight reminder messages (<see cref="InFlightMessages"/>) in the <c>reminder_in_flight</c> collection.</summary>
/// <remarks>
/// The collection holds only messages between their send and their mark (a handful), plus any a crash or a failed
/// send left, so the sweep reads it whole once rather than indexing it.
/// </remarks>
internal sealed class LiteDbInFlightMessages(SinergiDatabase database) : IInFlightMessages
{
    public const string CollectionName = "reminder_in_flight";

    private readonly ILiteCollection<InFlightMessage> _messages = database.Collection<InFlightMessage>(CollectionName);

    public void Put(InFlightMessage message) => _messages.Upsert(message);

    public bool Remove(string messageId) => _messages.Delete(messageId);

    public IReadOnlyList<InFlightMessage> All() => _messages.FindAll().ToList();
}
