using Bot.Dialogs.Reminders;
using Bot.Dialogs.Storage;

namespace Bot.Host.Storage.LiteDb;

/// <summary>
/// The in-flight reminder messages (<see cref="InFlightMessages"/>) on LiteDB: read from the claim documents, which
/// carry the messages composed for their rows (a message is in flight while its rows are held as sending), and from
/// the <c>reminder_in_flight</c> collection, which holds only messages whose rows went back to pending after they may
/// have left (<see cref="LiteDbReminderClaims"/>). Nothing is written per message on the sweep's path.
/// </summary>
internal sealed class LiteDbInFlightMessages(LiteDbReminderClaims claims) : IInFlightMessages
{
    public const string CollectionName = LiteDbReminderClaims.RecordsCollectionName;

    public void Put(InFlightMessage message) => claims.Record(message);

    public bool Remove(string messageId) => claims.Forget(messageId);

    public IReadOnlyList<InFlightMessage> All() => claims.InFlight();
}
