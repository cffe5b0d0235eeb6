namespace Bot.Dialogs.Engine;

/// <summary>
/// The caller's note that a proactive message was delivered (a reminder's "sent" mark, a notice's delivery time).
/// A sender calls exactly one of the two, once the message is stored or accepted (<see cref="IChannelSender"/>).
/// </summary>
public interface IDeliveryRecord
{
    /// <summary>
    /// Writes the record inside the transaction in which the sender stores the message in this database. A throw
    /// undoes that transaction: the message is not stored either.
    /// </summary>
    void WriteWithMessage();

    /// <summary>Writes the record after the channel accepted the message.</summary>
    Task WriteAfterSendAsync(CancellationToken cancellationToken);
}

/// <summary>Records that are one plain write, whichever way the sender calls them.</summary>
public static class DeliveryRecord
{
    /// <summary>Nothing to record (a best-effort alert).</summary>
    public static IDeliveryRecord None { get; } = new Write(static () => { });

    /// <summary>A record that is one synchronous write, in the sender's transaction or after the send.</summary>
    public static IDeliveryRecord Of(Action write)
    {
        ArgumentNullException.ThrowIfNull(write);
        return new Write(write);
    }

    private sealed class Write(Action write) : IDeliveryRecord
    {
        public void WriteWithMessage() => write();

        public Task WriteAfterSendAsync(CancellationToken cancellationToken)
        {
            cancellationToken.ThrowIfCancellationRequested();
            write();
            return Task.CompletedTask;
        }
    }
}
