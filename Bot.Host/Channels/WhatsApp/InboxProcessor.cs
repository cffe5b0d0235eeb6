using Bot.Dialogs.Activities;
using Bot.Dialogs.Engine;
using Bot.Dialogs.Telemetry;

namespace Bot.Host.Channels.WhatsApp;

/// <summary>
/// Runs one inbox message through the turn pipeline and sends the replies, in order, to the user. A turn that was not
/// kept (the server too busy, the storage unable to write) sends nothing unless it was the row's last attempt: the
/// worker tries the row again later, and the user would otherwise be asked to send again a message that is then
/// answered anyway (a double answer).
/// </summary>
internal sealed class InboxProcessor(InboundActivityMapper mapper, TurnProcessor turns, WhatsAppSender sender, ILogger<InboxProcessor> logger)
{
    private static readonly LocalizedText CannotRead = new(
        "Maaf, saya baru bisa membaca pesan teks, foto, dokumen, dan lokasi. Silakan kirim dalam bentuk itu, atau ketik *bantuan*.",
        "Sorry, I can only read text, photos, documents and locations. Please send one of those, or type *help*.");

    public async Task<InboxOutcome> ProcessAsync(InboxRow row, bool lastAttempt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(row);
        using var span = SinergiTelemetry.StartChannel(WhatsAppAddress.ChannelId);
        var mapping = mapper.Map(row);
        if (mapping.Unsupported)
        {
            WhatsAppLog.UnsupportedMessage(logger, row.Type, row.Id);
            var locale = mapping.Locale;
            await SendAsync(row, [new Activity { Type = ActivityTypes.Message, Text = CannotRead.For(locale), TextFormat = "markdown", Locale = locale }], cancellationToken);
            return InboxOutcome.Handled;
        }

        if (mapping.Activity is not { } activity)
        {
            return InboxOutcome.Handled;
        }

        // The replies leave in the conversation's place in line, so a reminder never lands between them and the message.
        var result = await turns.ProcessAsync(
            activity,
            null,
            (turn, ct) => turn.Saved || lastAttempt ? SendAsync(row, turn.Replies, ct) : Task.CompletedTask,
            cancellationToken);
        return new InboxOutcome(result.Saved, result.Confidential);
    }

    private async Task SendAsync(InboxRow row, IReadOnlyList<Activity> replies, CancellationToken cancellationToken)
    {
        if (replies.Count == 0)
        {
            return;
        }

        try
        {
            await sender.SendActivitiesAsync(row.ConversationId, replies, "reply", deliveryId: null, cancellationToken);
        }
        catch (WhatsAppSendException ex)
        {
            // The turn is committed and de-duplicated; running it again would not bring the replies back.
            WhatsAppLog.RepliesUndelivered(logger, ex, row.Id, ex.AcceptedBefore, replies.Count);
        }
    }
}

/// <summary>How one attempt at an inbox message ended: whether its turn was kept, and whether it was confidential (the tip line).</summary>
internal sealed record InboxOutcome(bool Kept, bool Confidential)
{
    /// <summary>Nothing to run (an unsupported message, answered with a hint): done.</summary>
    public static InboxOutcome Handled { get; } = new(true, false);
}
